package dev.ticketflow.plugins.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ticketflow.api.FailureCode;
import dev.ticketflow.api.PortCallException;
import dev.ticketflow.api.event.AuthorRole;
import dev.ticketflow.api.event.Comment;
import dev.ticketflow.api.port.HelpDeskProvider;
import dev.ticketflow.api.port.TicketRef;
import dev.ticketflow.api.port.TicketSnapshot;
import dev.ticketflow.plugins.zendesk.config.Credentials;
import dev.ticketflow.plugins.zendesk.support.CannedResponse;
import dev.ticketflow.plugins.zendesk.support.ConnectorHarness;
import dev.ticketflow.plugins.zendesk.support.FakeZendesk;
import dev.ticketflow.plugins.zendesk.support.RecordedRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class OutboundHelpDeskTest {

    private static final String EMAIL = "agent@acme.test";
    private static final String TOKEN = "tok-123-secret";
    private static final String BASIC = new Credentials.ApiToken(EMAIL, TOKEN).authorizationHeader();
    private static final TicketRef TICKET = new TicketRef("zendesk:acme", "42");
    private static final long CUSTOMER = 501;
    private static final long AGENT = 601;

    private Vertx vertx;
    private FakeZendesk zendesk;
    private ConnectorHarness harness;
    private HelpDeskProvider helpDesk;

    @BeforeEach
    void start(Vertx vertx) {
        this.vertx = vertx;
        zendesk = FakeZendesk.start(vertx, BASIC);
        zendesk.addUser(CUSTOMER, "Jane Customer", "jane@example.com", "end-user");
        zendesk.addUser(AGENT, "Sam Agent", "sam@acme.test", "agent");
        zendesk.addTicket(42, "Refund please", CUSTOMER, "vip", "billing");
        zendesk.addGroup(360000000001L, "Refunds");
        zendesk.addGroup(360000000002L, "Tier 2");
        connect(instance(zendesk, EMAIL, TOKEN));
    }

    @AfterEach
    void stop() {
        harness.close();
        zendesk.close().await();
        assertThat(zendesk.violations()).as("requests Zendesk would refuse").isEmpty();
    }

    @Test
    void addingTagsSendsOnlyTheMissingOnesAsASafeUpdateAndKeepsTheOthers() {
        String stamp = zendesk.ticket(42).getString("updated_at");

        helpDesk.addTags(TICKET, List.of("billing", "feedback")).await();

        assertThat(zendesk.ticket(42).getJsonArray("tags").getList()).containsExactly("vip", "billing", "feedback");
        RecordedRequest write = onlyWrite();
        assertThat(write.method()).isEqualTo("PUT");
        assertThat(write.path()).isEqualTo("/api/v2/tickets/42/tags");
        assertThat(write.json()).isEqualTo(new JsonObject().put("tags", new JsonArray().add("feedback"))
                .put("updated_stamp", stamp).put("safe_update", "true"));
        assertThat(write.authorization()).isEqualTo(BASIC);
    }

    @Test
    void addingTagsTheTicketAlreadyHasWritesNothing() {
        helpDesk.addTags(TICKET, List.of("vip")).await();

        assertThat(zendesk.writes()).isEmpty();
    }

    @Test
    void removingTagsDeletesOnlyThoseThatArePresent() {
        helpDesk.removeTags(TICKET, List.of("billing", "never-there")).await();

        assertThat(zendesk.ticket(42).getJsonArray("tags").getList()).containsExactly("vip");
        RecordedRequest write = onlyWrite();
        assertThat(write.method()).isEqualTo("DELETE");
        assertThat(write.json().getJsonArray("tags").getList()).containsExactly("billing");
    }

    @Test
    void aConcurrentChangeGets409AndTheTagsAreReReadAndWrittenAgainWithoutLosingTheOtherTag() {
        zendesk.beforeNextWrite(() -> zendesk.tagConcurrently(42, "urgent"));

        helpDesk.addTags(TICKET, List.of("feedback")).await();

        assertThat(zendesk.ticket(42).getJsonArray("tags").getList()).containsExactly("vip", "billing", "urgent", "feedback");
        assertThat(zendesk.requests()).extracting(request -> request.method() + " " + request.path()).containsExactly(
                "GET /api/v2/tickets/42", "PUT /api/v2/tickets/42/tags", "GET /api/v2/tickets/42", "PUT /api/v2/tickets/42/tags");
    }

    @Test
    void aConflictThatNeverEndsFailsAfterBoundedAttemptsWithZendesksMessage() {
        for (int i = 0; i < 5; i++) {
            zendesk.enqueue("PUT", "/api/v2/tickets/42/tags", CannedResponse.json(409,
                    "{\"error\":\"UpdateConflict\",\"description\":\"Safe Update prevented the update\"}"));
        }

        PortCallException failure = portFailure(helpDesk.addTags(TICKET, List.of("feedback")));

        assertThat(failure.failureCode()).isEqualTo(FailureCode.VENDOR_ERROR);
        assertThat(failure.getMessage()).contains("409").contains("Safe Update prevented the update");
        assertThat(zendesk.writes()).hasSize(5);
    }

    @Test
    void anInternalNoteIsACommentThatIsNotPublic() {
        helpDesk.addComment(TICKET, "Linked to issue #42", false).await();

        assertThat(onlyWrite().json()).isEqualTo(new JsonObject().put("ticket", new JsonObject()
                .put("comment", new JsonObject().put("body", "Linked to issue #42").put("public", false))));
        assertThat(zendesk.comments(42)).singleElement().satisfies(comment -> assertThat(comment.getBoolean("public")).isFalse());
    }

    @Test
    void aPublicReplyIsACommentThatIsPublic() {
        helpDesk.addComment(TICKET, "Thanks, we are on it.", true).await();

        assertThat(zendesk.comments(42)).singleElement().satisfies(comment -> {
            assertThat(comment.getBoolean("public")).isTrue();
            assertThat(comment.getString("body")).isEqualTo("Thanks, we are on it.");
        });
    }

    @Test
    void peopleAreAddedInCopyThroughEmailCcs() {
        helpDesk.addCc(TICKET, List.of("manager@acme.test")).await();

        assertThat(onlyWrite().json().getJsonObject("ticket").getJsonArray("email_ccs")).isEqualTo(new JsonArray()
                .add(new JsonObject().put("user_email", "manager@acme.test").put("action", "put")));
        assertThat(zendesk.ccs(42)).containsExactly("manager@acme.test");
    }

    @Test
    void aGroupIsAssignedByItsNameOrItsId() {
        helpDesk.assignGroup(TICKET, "refunds").await();
        assertThat(zendesk.ticket(42).getLong("group_id")).isEqualTo(360000000001L);

        helpDesk.assignGroup(TICKET, "360000000002").await();
        assertThat(zendesk.ticket(42).getLong("group_id")).isEqualTo(360000000002L);
        assertThat(zendesk.requests().stream().filter(request -> request.path().equals("/api/v2/groups"))).hasSize(1);
    }

    @Test
    void anUnknownGroupNameIsAnInvalidRequestNamingTheGroup() {
        PortCallException failure = portFailure(helpDesk.assignGroup(TICKET, "Escalations"));

        assertThat(failure.failureCode()).isEqualTo(FailureCode.INVALID_REQUEST);
        assertThat(failure.getMessage()).contains("'Escalations'");
        assertThat(zendesk.writes()).isEmpty();
    }

    @Test
    void readingATicketGivesItsFieldsAndItsCommentsWithAuthorRoles() {
        zendesk.addComment(42, CUSTOMER, "I want my money back", true);
        zendesk.addComment(42, AGENT, "Checking with billing", false);

        TicketSnapshot snapshot = helpDesk.read(TICKET).await();

        assertThat(snapshot.ticket().id()).isEqualTo("42");
        assertThat(snapshot.ticket().url()).isEqualTo(zendesk.baseUrl() + "/agent/tickets/42");
        assertThat(snapshot.ticket().subject()).isEqualTo("Refund please");
        assertThat(snapshot.ticket().status()).isEqualTo("open");
        assertThat(snapshot.ticket().tags()).containsExactly("vip", "billing");
        assertThat(snapshot.ticket().requester().email()).isEqualTo("jane@example.com");
        assertThat(snapshot.ticket().customFields()).containsEntry("77", "refund");
        assertThat(snapshot.comments()).extracting(Comment::body).containsExactly("I want my money back", "Checking with billing");
        assertThat(snapshot.comments()).extracting(comment -> comment.author().role()).containsExactly(AuthorRole.END_USER, AuthorRole.AGENT);
        assertThat(snapshot.comments()).extracting(Comment::isPublic).containsExactly(true, false);
    }

    @Test
    void a429IsRetriedAfterTheRetryAfterZendeskAskedFor() {
        zendesk.enqueue("PUT", "/api/v2/tickets/42", CannedResponse.rateLimited(1));

        helpDesk.addComment(TICKET, "hello", false).await();

        List<RecordedRequest> writes = zendesk.writes();
        assertThat(writes).hasSize(2);
        long waitedMillis = (writes.get(1).receivedAtNanos() - writes.get(0).receivedAtNanos()) / 1_000_000;
        assertThat(waitedMillis).isGreaterThanOrEqualTo(1_000);
        assertThat(zendesk.comments(42)).hasSize(1);
    }

    @Test
    void aRetryAfterLongerThanTwoMinutesFailsTheCallInsteadOfHoldingIt() {
        zendesk.enqueue("PUT", "/api/v2/tickets/42", CannedResponse.rateLimited(600));

        PortCallException failure = portFailure(helpDesk.addComment(TICKET, "hello", false));

        assertThat(failure.failureCode()).isEqualTo(FailureCode.VENDOR_ERROR);
        assertThat(failure.getMessage()).contains("429").contains("Retry-After 600 s");
        assertThat(zendesk.writes()).hasSize(1);
    }

    @Test
    void aStormOf5xxIsRetriedWithBackOffUntilZendeskRecovers() {
        zendesk.enqueue("PUT", "/api/v2/tickets/42", CannedResponse.serverError(503), CannedResponse.serverError(500),
                CannedResponse.serverError(502));

        helpDesk.addComment(TICKET, "hello", false).await();

        assertThat(zendesk.writes()).hasSize(4);
        assertThat(zendesk.comments(42)).hasSize(1);
    }

    @Test
    void a5xxStormLongerThanTheAttemptsFailsTheCallWithZendesksMessage() {
        for (int i = 0; i < 4; i++) {
            zendesk.enqueue("PUT", "/api/v2/tickets/42", CannedResponse.serverError(503));
        }

        PortCallException failure = portFailure(helpDesk.addComment(TICKET, "hello", false));

        assertThat(failure.failureCode()).isEqualTo(FailureCode.VENDOR_ERROR);
        assertThat(failure.getMessage()).contains("503").contains("after 4 attempts").contains("Something went wrong");
        assertThat(zendesk.writes()).hasSize(4);
    }

    @Test
    void anyOther4xxFailsAtOnceWithZendesksErrorDetails() {
        zendesk.enqueue("PUT", "/api/v2/tickets/42", CannedResponse.json(422, "{\"error\":\"RecordInvalid\","
                + "\"description\":\"Record validation errors\",\"details\":{\"email_ccs\":[{\"description\":\"Email is invalid\"}]}}"));

        PortCallException failure = portFailure(helpDesk.addCc(TICKET, List.of("manager@acme.test")));

        assertThat(failure.failureCode()).isEqualTo(FailureCode.VENDOR_ERROR);
        assertThat(failure.getMessage()).contains("422").contains("RecordInvalid").contains("Email is invalid");
        assertThat(zendesk.writes()).hasSize(1);
    }

    @Test
    void badCredentialsFailClearlyWithoutRetryingAndWithoutShowingTheToken() {
        harness.close();
        connect(instance(zendesk, EMAIL, "wrong-token"));

        PortCallException failure = portFailure(helpDesk.addComment(TICKET, "hello", false));

        assertThat(failure.failureCode()).isEqualTo(FailureCode.VENDOR_ERROR);
        assertThat(failure.getMessage()).contains("refused the credentials").contains("Couldn't authenticate you")
                .contains("instances.acme").contains(EMAIL).doesNotContain("wrong-token");
        assertThat(zendesk.requests()).hasSize(1);
    }

    @Test
    void anUnknownTicketIsAnInvalidRequest() {
        PortCallException failure = portFailure(helpDesk.read(new TicketRef("zendesk:acme", "999")));

        assertThat(failure.failureCode()).isEqualTo(FailureCode.INVALID_REQUEST);
        assertThat(failure.getMessage()).contains("999").contains("not found");
    }

    @Test
    void aTicketIdZendeskCouldNotHaveIssuedIsRefusedWithoutARequest() {
        PortCallException failure = portFailure(helpDesk.addTags(new TicketRef("zendesk:acme", "42/../../users"), List.of("x")));

        assertThat(failure.failureCode()).isEqualTo(FailureCode.INVALID_REQUEST);
        assertThat(zendesk.requests()).isEmpty();
    }

    @Test
    void theRateLimiterSpacesRequestsToTheConfiguredRequestsPerMinute() {
        harness.close();
        connect(instance(zendesk, EMAIL, TOKEN).put("requestsPerMinute", 120));

        for (int i = 0; i < 4; i++) {
            helpDesk.addComment(TICKET, "note " + i, false).await();
        }

        // 120/min is one request every 500 ms: three gaps between four requests
        List<RecordedRequest> writes = zendesk.writes();
        assertThat(writes).hasSize(4);
        long spreadMillis = (writes.get(3).receivedAtNanos() - writes.get(0).receivedAtNanos()) / 1_000_000;
        assertThat(spreadMillis).isGreaterThanOrEqualTo(1_400);
    }

    private void connect(JsonObject acme) {
        harness = ConnectorHarness.start(vertx, new JsonObject().put("instances", new JsonObject().put("acme", acme)));
        helpDesk = harness.helpDesk();
    }

    static JsonObject instance(FakeZendesk zendesk, String email, String token) {
        return new JsonObject()
                .put("baseUrl", zendesk.baseUrl())
                .put("auth", new JsonObject().put("email", email).put("apiToken", token))
                .put("requestsPerMinute", 60_000)
                .put("maxAttempts", 4)
                .put("retryBaseDelayMillis", 10)
                .put("requestTimeoutSeconds", 5);
    }

    private RecordedRequest onlyWrite() {
        assertThat(zendesk.writes()).hasSize(1);
        return zendesk.writes().get(0);
    }

    static PortCallException portFailure(Future<?> call) {
        Throwable failure = catchThrowable(call::await);
        assertThat(failure).isInstanceOf(PortCallException.class);
        return (PortCallException) failure;
    }
}
