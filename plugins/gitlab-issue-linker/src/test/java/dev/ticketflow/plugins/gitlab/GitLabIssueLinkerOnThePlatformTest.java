package dev.ticketflow.plugins.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.plugins.gitlab.fakes.FakeGitLab;
import dev.ticketflow.plugins.gitlab.fakes.Linker;
import dev.ticketflow.testkit.Published;
import dev.ticketflow.testkit.TestEvents;
import dev.ticketflow.testkit.TicketflowTestKit;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plugin as PF4J loads it from its build output, in a real platform, against a fake GitLab. */
class GitLabIssueLinkerOnThePlatformTest {

    private static final Path PLUGIN = Path.of("target/classes");

    private static Vertx vertx;
    private static FakeGitLab gitlab;
    private static TicketflowTestKit kit;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        gitlab = FakeGitLab.start(vertx, Linker.TOKEN, false).await();
        kit = TicketflowTestKit.forPlugin(PLUGIN).withConfig(Linker.config(gitlab));
        kit.start();
    }

    @AfterAll
    static void stop() {
        kit.close();
        gitlab.close().await();
        vertx.close().await();
    }

    @BeforeEach
    void forgetCalls() {
        kit.reset();
    }

    @AfterEach
    void everyGitLabRequestHadTheDocumentedShape() {
        assertThat(gitlab.violations).isEmpty();
    }

    private static TicketEvent classifiedBug(String ticketId, String subject) {
        Ticket ticket = TestEvents.ticket(ticketId, subject, "feedback");
        kit.helpDesk().putTicket(ticket);
        return TestEvents.created(ticket).derive("feedback.classified", Map.of("category", "bug"));
    }

    @Test
    void aClassifiedBugGetsANewIssueAPublicReplyWithItsLinkATagAndIssueLinked() {
        Published published = kit.publish(classifiedBug("701", "Webhook retries flood the audit log"));

        assertThat(published.allSucceeded()).as("%s", published.outcomes()).isTrue();
        assertThat(gitlab.requests).anySatisfy(request -> assertThat(request).startsWith("GET ").contains("search="));
        JsonObject issue = gitlab.createdIssues().stream()
                .filter(created -> created.getString("title").contains("Webhook retries flood the audit log"))
                .findFirst().orElseThrow();
        assertThat(kit.helpDesk().publicReplies("701")).singleElement()
                .satisfies(reply -> assertThat(reply).contains(issue.getString("web_url")));
        assertThat(kit.helpDesk().tagsAdded("701")).containsExactly("gitlab-issue-linked");
        assertThat(kit.emitted("issue.linked")).singleElement().satisfies(linked -> {
            assertThat(linked.ticketId()).isEqualTo("701");
            assertThat(linked.data()).containsEntry("url", issue.getString("web_url")).containsEntry("created", true);
        });
    }

    @Test
    void theSameEventDeliveredAgainCreatesRepliesAndAnnouncesNothingTwice() {
        TicketEvent bug = classifiedBug("702", "Calendar sync duplicates recurring meetings")
                .withIdAndTime("evt_bug_702", null);
        kit.publish(bug);
        long created = gitlab.createdIssues().size();

        Published again = kit.publish(bug);

        assertThat(again.outcome("gitlab-issue-linker")).as("delivered again").isNotNull();
        assertThat(gitlab.createdIssues()).hasSize((int) created);
        assertThat(kit.helpDesk().publicReplies("702")).hasSize(1);
        assertThat(kit.helpDesk().tagsAdded("702")).hasSize(1);
        assertThat(kit.emitted("issue.linked")).hasSize(1);
    }

    @Test
    void theGitLabWebhookTakesTheRightTokenOnlyAndNotesTheLinkedTicket() {
        kit.publish(classifiedBug("703", "Exported invoices miss the VAT number"));
        long iid = gitlab.createdIssues().stream()
                .filter(created -> created.getString("title").contains("VAT number"))
                .findFirst().orElseThrow().getLong("iid");
        kit.reset();
        String closed = new JsonObject().put("object_kind", "issue").put("event_type", "issue")
                .put("user", new JsonObject().put("id", 1).put("name", "Ada Admin").put("username", "ada"))
                .put("project", new JsonObject().put("id", FakeGitLab.PROJECT_ID)
                        .put("path_with_namespace", FakeGitLab.PROJECT_PATH))
                .put("object_attributes", new JsonObject().put("id", 9000 + iid).put("iid", iid)
                        .put("project_id", FakeGitLab.PROJECT_ID).put("title", "VAT").put("state", "closed")
                        .put("action", "close").put("labels", new JsonArray()))
                .put("changes", new JsonObject()).encode();

        HttpResponse<Buffer> refused = hook("not-the-token", "delivery-1", closed);
        HttpResponse<Buffer> accepted = hook(Linker.HOOK_TOKEN, "delivery-1", closed);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(accepted.statusCode()).as(accepted.bodyAsString()).isEqualTo(200);
        assertThat(kit.helpDesk().internalNotes("703")).singleElement()
                .satisfies(note -> assertThat(note).contains("was closed"));
    }

    private static HttpResponse<Buffer> hook(String token, String idempotencyKey, String body) {
        return kit.http().post(kit.port(), "127.0.0.1", "/hooks/gitlab-issue-linker/webhook")
                .putHeader("Content-Type", "application/json").putHeader("X-Gitlab-Event", "Issue Hook")
                .putHeader("X-Gitlab-Token", token).putHeader("Idempotency-Key", idempotencyKey)
                .sendBuffer(Buffer.buffer(body)).await();
    }

    @Test
    void unconfiguredItStartsInDryRunAndLeavesTheTicketAlone() {
        try (TicketflowTestKit unconfigured = TicketflowTestKit.forPlugin(PLUGIN)) {
            unconfigured.start();

            Published published = unconfigured.publish(TestEvents.created(TestEvents.ticket("704", "Broken export"))
                    .derive("feedback.classified", Map.of("category", "bug")));

            assertThat(unconfigured.plugin("gitlab-issue-linker").state()).isEqualTo("STARTED");
            assertThat(published.allSucceeded()).isTrue();
            assertThat(unconfigured.helpDesk().commands()).isEmpty();
            assertThat(unconfigured.emitted()).isEmpty();
            assertThat(unconfigured.http().post(unconfigured.port(), "127.0.0.1", "/hooks/gitlab-issue-linker/webhook")
                    .sendBuffer(Buffer.buffer("{}")).await().statusCode()).isEqualTo(503);
        }
    }

    @Test
    void aConfigWithAMistakeIsRefusedNamingTheField() {
        JsonObject wrongUrl = new JsonObject().put("gitlab", new JsonObject().put("url", "gitlab.example.com"));
        JsonObject tokenWithoutProjects = new JsonObject()
                .put("gitlab", new JsonObject().put("url", "https://gitlab.example.com").put("token", "glpat-x"));

        for (JsonObject config : new JsonObject[] {wrongUrl, tokenWithoutProjects}) {
            try (TicketflowTestKit badKit = TicketflowTestKit.forPlugin(PLUGIN).withConfig(config)) {
                assertThatThrownBy(badKit::start).hasMessageContaining("gitlab-issue-linker")
                        .hasMessageContaining(config == wrongUrl ? "url" : "projects");
            }
        }
    }
}
