package dev.ticketflow.plugins.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.plugins.gitlab.client.GitLabApiException;
import dev.ticketflow.plugins.gitlab.client.GitLabClient;
import dev.ticketflow.plugins.gitlab.client.GitLabConnection;
import dev.ticketflow.plugins.gitlab.client.GitLabIssue;
import dev.ticketflow.plugins.gitlab.client.IssueQuery;
import dev.ticketflow.plugins.gitlab.client.NewIssue;
import dev.ticketflow.plugins.gitlab.client.Retrier;
import dev.ticketflow.plugins.gitlab.client.RetryPolicy;
import dev.ticketflow.plugins.gitlab.fakes.FakeGitLab;
import dev.ticketflow.testkit.fakes.RecordingLog;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class GitLabClientTest {

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(5));

    private FakeGitLab gitlab;
    private WebClient web;

    @AfterEach
    void stop() {
        assertThat(gitlab.violations).isEmpty();
        web.close();
        gitlab.close().await();
    }

    private GitLabClient client(Vertx vertx, boolean bearer, RetryPolicy policy) {
        gitlab = FakeGitLab.start(vertx, "secret-token", bearer).await();
        web = WebClient.create(vertx);
        return new GitLabClient(web, new GitLabConnection(gitlab.url(), "secret-token", bearer, Duration.ofSeconds(5), policy),
                new Retrier(vertx, policy, new RecordingLog()));
    }

    private void addIssues(int count) {
        for (int i = 0; i < count; i++) {
            gitlab.addIssue("Flaky pipeline number " + i, "", List.of("bug"));
        }
    }

    @Test
    void searchFollowsXNextPageAcrossPages(Vertx vertx) {
        GitLabClient client = client(vertx, false, FAST);
        addIssues(7);
        gitlab.pageSize = 3;

        List<GitLabIssue> found = client.searchIssues("acme/app", new IssueQuery("flaky pipeline", "title", "opened", List.of("bug"), 100)).await();

        assertThat(found).hasSize(7);
        assertThat(gitlab.requests).hasSize(3).allMatch(request -> request.contains("/projects/acme%2Fapp/issues"));
        assertThat(gitlab.requests.get(2)).contains("page=3");
    }

    @Test
    void searchFollowsTheLinkHeaderWhenXNextPageIsMissing(Vertx vertx) {
        GitLabClient client = client(vertx, false, FAST);
        addIssues(5);
        gitlab.pageSize = 2;
        gitlab.paging = FakeGitLab.Paging.LINK_ONLY;

        List<GitLabIssue> found = client.searchIssues("42", new IssueQuery("flaky", "title", "opened", List.of(), 100)).await();

        assertThat(found).extracting(GitLabIssue::title).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void searchStopsAtMaxResults(Vertx vertx) {
        GitLabClient client = client(vertx, false, FAST);
        addIssues(9);
        gitlab.pageSize = 2;

        assertThat(client.searchIssues("acme/app", new IssueQuery("flaky", "title", "opened", List.of(), 3)).await()).hasSize(3);
        assertThat(gitlab.requests).hasSize(2);
    }

    @Test
    void bearerAuthenticationSendsTheAuthorizationHeader(Vertx vertx) {
        GitLabClient client = client(vertx, true, FAST);

        GitLabIssue created = client.createIssue("acme/app", new NewIssue("Title", "Body\n\n<!-- m1 -->", List.of("customer", "bug"), true), "m1").await();

        assertThat(created.confidential()).isTrue();
        assertThat(created.labels()).containsExactly("customer", "bug");
    }

    @Test
    void aRateLimitIsRetriedAfterRetryAfter(Vertx vertx) {
        GitLabClient client = client(vertx, false, FAST);
        gitlab.failures.add(new FakeGitLab.Failure(429, "1"));
        long start = System.nanoTime();

        client.searchIssues("acme/app", new IssueQuery("x", "title", "opened", List.of(), 10)).await();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(gitlab.requests).hasSize(2);
    }

    @Test
    void aRetryAfterLongerThanTheLimitFailsAtOnce(Vertx vertx) {
        GitLabClient client = client(vertx, false, FAST);
        gitlab.failures.add(new FakeGitLab.Failure(429, "3600"));

        assertThat(client.searchIssues("acme/app", new IssueQuery("x", "title", "opened", List.of(), 10))
                .toCompletionStage().toCompletableFuture())
                .failsWithin(Duration.ofSeconds(30)).withThrowableOfType(ExecutionException.class)
                .withMessageContaining("retry after 3600 s");
        assertThat(gitlab.requests).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedWithBackOffUntilTheySucceed(Vertx vertx) {
        GitLabClient client = client(vertx, false, FAST);
        gitlab.failures.add(new FakeGitLab.Failure(502, null));
        gitlab.failures.add(new FakeGitLab.Failure(503, null));

        client.searchIssues("acme/app", new IssueQuery("x", "title", "opened", List.of(), 10)).await();

        assertThat(gitlab.requests).hasSize(3);
    }

    @Test
    void serverErrorsGiveUpAfterTheLastAttempt(Vertx vertx) {
        GitLabClient client = client(vertx, false, FAST);
        for (int i = 0; i < 3; i++) {
            gitlab.failures.add(new FakeGitLab.Failure(500, null));
        }

        assertThat(client.searchIssues("acme/app", new IssueQuery("x", "title", "opened", List.of(), 10))
                .toCompletionStage().toCompletableFuture())
                .failsWithin(Duration.ofSeconds(30)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(GitLabApiException.class).withMessageContaining("HTTP 500");
        assertThat(gitlab.requests).hasSize(3);
    }

    @Test
    void aWrongTokenIsNotRetried(Vertx vertx) {
        gitlab = FakeGitLab.start(vertx, "right-token", false).await();
        web = WebClient.create(vertx);
        GitLabClient client = new GitLabClient(web,
                new GitLabConnection(gitlab.url(), "wrong-token", false, Duration.ofSeconds(5), FAST),
                new Retrier(vertx, FAST, new RecordingLog()));

        assertThat(client.searchIssues("acme/app", new IssueQuery("x", "title", "opened", List.of(), 10))
                .toCompletionStage().toCompletableFuture())
                .failsWithin(Duration.ofSeconds(30)).withThrowableOfType(ExecutionException.class)
                .withMessageContaining("HTTP 401").withMessageNotContaining("wrong-token");
        assertThat(gitlab.requests).hasSize(1);
        gitlab.violations.clear();
    }

    @Test
    void aNoteWhoseResponseWasLostIsFoundInsteadOfPostedAgain(Vertx vertx) {
        GitLabClient client = client(vertx, false, FAST);
        long iid = gitlab.addIssue("Existing", "", List.of()).getLong("iid");
        gitlab.loseNextWriteResponse = true;

        Long noteId = client.addNote("acme/app", iid, "First\n<!-- note-marker -->", false, "note-marker").await();

        assertThat(gitlab.notesOf(iid)).singleElement()
                .satisfies(note -> assertThat(note.getLong("id")).isEqualTo(noteId));
    }
}
