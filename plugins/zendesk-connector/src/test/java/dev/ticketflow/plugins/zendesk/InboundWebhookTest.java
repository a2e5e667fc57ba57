package dev.ticketflow.plugins.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.api.Accepted;
import dev.ticketflow.api.event.AuthorRole;
import dev.ticketflow.api.event.Change;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.plugins.zendesk.inbound.ZendeskSignature;
import dev.ticketflow.plugins.zendesk.support.ConnectorHarness;
import dev.ticketflow.plugins.zendesk.support.Fixtures;
import dev.ticketflow.testkit.fakes.FakePluginContext.Ingested;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(VertxExtension.class)
class InboundWebhookTest {

    private static final String SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";

    private ConnectorHarness harness;

    @BeforeEach
    void start(Vertx vertx) {
        JsonObject config = new JsonObject()
                .put("ingestTimeoutSeconds", 1)
                .put("instances", new JsonObject()
                        .put("acme", new JsonObject().put("subdomain", "acme").put("webhookSecret", SECRET))
                        .put("globex", new JsonObject().put("baseUrl", "https://support.globex.example")
                                .put("webhookSecret", new JsonArray().add("old-secret").add("new-secret"))));
        harness = ConnectorHarness.start(vertx, config);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aCreatedTicketBecomesTicketCreatedWithZendeskQuirksNormalised() {
        HttpResponse<Buffer> response = harness.postSigned("acme", SECRET, Fixtures.read("ticket-created.json"), "8350205582");

        assertThat(response.statusCode()).isEqualTo(202);
        Ingested ingested = onlyIngested();
        assertThat(response.bodyAsJsonObject().getString("id")).isEqualTo(ingested.answer().eventId());
        assertThat(ingested.deliveryId()).isEqualTo("zendesk:acme:8350205582");
        TicketEvent event = ingested.event();
        assertThat(event.type()).isEqualTo(EventTypes.TICKET_CREATED);
        assertThat(event.source()).isEqualTo("zendesk:acme");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-01-08T10:12:07.672717030Z"));
        assertThat(event.ticket().id()).isEqualTo("5158");
        assertThat(event.ticket().url()).isEqualTo("https://acme.zendesk.com/agent/tickets/5158");
        assertThat(event.ticket().subject()).isEqualTo("Cannot login to mobile app");
        assertThat(event.ticket().status()).isEqualTo("open");
        assertThat(event.ticket().priority()).isEqualTo("high");
        assertThat(event.ticket().tags()).containsExactly("mobile", "login");
        assertThat(event.ticket().requester().id()).isEqualTo("8447388090494");
        assertThat(event.ticket().assignee().id()).isEqualTo("8447388090495");
        assertThat(event.ticket().group()).isEqualTo("8447320466430");
        assertThat(event.ticket().form()).isEqualTo("8646151517822");
        assertThat(event.comment().body()).isEqualTo("Customer is experiencing login issues");
        assertThat(event.comment().author().role()).isEqualTo(AuthorRole.END_USER);
        assertThat(event.comment().isPublic()).isTrue();
    }

    @Test
    void anAgentsPublicReplyIsACommentByAnAgent() {
        accept("ticket-comment-agent-public.json");

        TicketEvent event = onlyIngested().event();
        assertThat(event.type()).isEqualTo(EventTypes.TICKET_COMMENT_ADDED);
        assertThat(event.comment().id()).isEqualTo("9876543210");
        assertThat(event.comment().body()).isEqualTo("We are investigating this issue.");
        assertThat(event.comment().isPublic()).isTrue();
        assertThat(event.comment().author().id()).isEqualTo("8447388090495");
        assertThat(event.comment().author().name()).isEqualTo("Support Agent");
        assertThat(event.comment().byAgent()).isTrue();
    }

    @Test
    void aCustomersMessageIsACommentByTheEndUser() {
        accept("ticket-comment-customer.json");

        TicketEvent event = onlyIngested().event();
        assertThat(event.comment().byEndUser()).isTrue();
        assertThat(event.comment().body()).contains("Unacceptable");
    }

    @Test
    void anInternalNoteIsAnAgentCommentThatIsNotPublic() {
        accept("ticket-comment-internal.json");

        TicketEvent event = onlyIngested().event();
        assertThat(event.comment().isPublic()).isFalse();
        assertThat(event.comment().byAgent()).isTrue();
    }

    @Test
    void solvingATicketBecomesTicketSolvedWithTheStatusChange() {
        accept("ticket-status-solved.json");

        TicketEvent event = onlyIngested().event();
        assertThat(event.type()).isEqualTo(EventTypes.TICKET_SOLVED);
        assertThat(event.ticket().status()).isEqualTo("solved");
        assertThat(event.changes()).containsEntry("status", new Change("open", "solved"));
    }

    @Test
    void leavingSolvedBecomesTicketReopened() {
        accept("ticket-status-reopened.json");

        TicketEvent event = onlyIngested().event();
        assertThat(event.type()).isEqualTo(EventTypes.TICKET_REOPENED);
        assertThat(event.changes()).containsEntry("status", new Change("solved", "open"));
    }

    @Test
    void anyOtherStatusChangeIsTicketUpdated() {
        accept("ticket-status-pending.json");

        TicketEvent event = onlyIngested().event();
        assertThat(event.type()).isEqualTo(EventTypes.TICKET_UPDATED);
        assertThat(event.changes()).containsEntry("status", new Change("open", "pending"));
    }

    @Test
    void changedTagsAreTicketUpdatedWithTheTagListsBeforeAndAfter() {
        accept("ticket-tags-changed.json");

        TicketEvent event = onlyIngested().event();
        assertThat(event.type()).isEqualTo(EventTypes.TICKET_UPDATED);
        assertThat(event.ticket().tags()).containsExactly("mobile", "login", "vip");
        assertThat(event.changes()).containsEntry("tags",
                new Change(List.of("mobile", "login", "new"), List.of("mobile", "login", "vip")));
        assertThat(event.data()).containsEntry("tagsAdded", List.of("vip")).containsEntry("tagsRemoved", List.of("new"));
    }

    @ParameterizedTest
    @CsvSource({
        "ticket-priority-changed.json, priority, high, urgent",
        "ticket-assignee-changed.json, assignee, 8447388090495, 8447388090496",
        "ticket-group-changed.json, group, 8447320466430, 360001234567"
    })
    void priorityAssigneeAndGroupChangesAreTicketUpdatedWithTheChange(String fixture, String field, String from, String to) {
        accept(fixture);

        TicketEvent event = onlyIngested().event();
        assertThat(event.type()).isEqualTo(EventTypes.TICKET_UPDATED);
        assertThat(event.changes()).containsExactly(Map.entry(field, new Change(from, to)));
    }

    @Test
    void aBadRatingFromTheTriggerTemplateBecomesTicketRatedWithItsComment() {
        accept("trigger-rated-bad.json");

        TicketEvent event = onlyIngested().event();
        assertThat(event.type()).isEqualTo(EventTypes.TICKET_RATED);
        assertThat(event.rating().isBad()).isTrue();
        assertThat(event.rating().comment()).isEqualTo("Took a week and three emails.");
        assertThat(event.ticket().status()).isEqualTo("solved");
        assertThat(event.ticket().priority()).isEqualTo("high");
        assertThat(event.ticket().tags()).containsExactly("mobile", "login", "vip");
        assertThat(event.ticket().requester().email()).isEqualTo("jane@example.com");
        assertThat(event.ticket().group()).isEqualTo("Tier 2");
    }

    @Test
    void aGoodRatingWithBlankPlaceholdersLeavesThoseFieldsUnset() {
        accept("trigger-rated-good.json");

        TicketEvent event = onlyIngested().event();
        assertThat(event.rating().score()).isEqualTo("good");
        assertThat(event.rating().comment()).isNull();
        assertThat(event.ticket().priority()).isNull();
        assertThat(event.ticket().assignee()).isNull();
        assertThat(event.ticket().tags()).isEmpty();
    }

    @Test
    void aSurveyMerelyOfferedIsAnsweredButCarriesNoEvent() {
        HttpResponse<Buffer> response = harness.postSigned("acme", SECRET, Fixtures.read("trigger-rated-offered.json"), "inv-offered");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("ignored")).contains("offered");
        assertThat(harness.plugin().ingested()).isEmpty();
    }

    @Test
    void aWrongSignatureIsRefusedWith401SayingTheSignatureDoesNotMatch() {
        HttpResponse<Buffer> response = harness.postSigned("acme", "not-the-secret", Fixtures.read("ticket-created.json"), "inv-1");

        assertProblem(response, 401, "mismatch");
        assertThat(harness.plugin().ingested()).isEmpty();
    }

    @Test
    void aStaleTimestampIsRefusedAsAReplayEvenWhenCorrectlySigned() {
        String tenMinutesAgo = Instant.now().minusSeconds(600).toString();
        HttpResponse<Buffer> response = harness.postSignedAt("acme", SECRET, Fixtures.read("ticket-created.json"), "inv-1", tenMinutesAgo);

        assertProblem(response, 401, "stale_timestamp");
        assertThat(response.bodyAsJsonObject().getString("detail")).contains("replay window");
        assertThat(harness.plugin().ingested()).isEmpty();
    }

    @Test
    void aMissingSignatureIsRefusedSayingWhichHeaderIsMissing() {
        HttpResponse<Buffer> response = harness.post("acme", Fixtures.read("ticket-created.json"), Map.of());

        assertProblem(response, 401, "missing_signature");
        assertThat(response.bodyAsJsonObject().getString("detail")).contains("X-Zendesk-Webhook-Signature");
    }

    @Test
    void eitherSecretIsAcceptedWhileTheSigningSecretIsRotated() {
        assertThat(harness.postSigned("globex", "old-secret", Fixtures.read("ticket-created.json"), "a").statusCode()).isEqualTo(202);
        assertThat(harness.postSigned("globex", "new-secret", Fixtures.read("ticket-created.json"), "b").statusCode()).isEqualTo(202);
        assertThat(harness.plugin().ingested()).extracting(ingested -> ingested.event().source())
                .containsExactly("zendesk:globex", "zendesk:globex");
    }

    @Test
    void aRetriedInvocationIsIngestedUnderTheSameDeliveryIdAndAnsweredAsDuplicate() {
        String body = Fixtures.read("ticket-comment-customer.json");
        HttpResponse<Buffer> first = harness.postSigned("acme", SECRET, body, "8350205590");
        HttpResponse<Buffer> retry = harness.postSigned("acme", SECRET, body, "8350205590");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(retry.bodyAsJsonObject().getString("id")).isEqualTo(first.bodyAsJsonObject().getString("id"));
        assertThat(retry.bodyAsJsonObject().getBoolean("duplicate")).isTrue();
        assertThat(harness.plugin().ingested()).extracting(Ingested::deliveryId)
                .containsExactly("zendesk:acme:8350205590", "zendesk:acme:8350205590");
    }

    @Test
    void withoutAnInvocationHeaderTheEventsOwnIdDeduplicates() {
        String body = Fixtures.read("ticket-status-solved.json");
        String timestamp = Instant.now().toString();
        Map<String, String> headers = Map.of(
                ZendeskSignature.SIGNATURE_HEADER, ZendeskSignature.sign(SECRET, timestamp, Buffer.buffer(body)),
                ZendeskSignature.TIMESTAMP_HEADER, timestamp);
        harness.post("acme", body, headers);

        assertThat(onlyIngested().deliveryId()).isEqualTo("zendesk:acme:event-a8b9c1d2-3e4f-5a6b-7c8d-9e0f1a2b3c4d");
    }

    @Test
    void anUnmappablePayloadIsRefusedWith422NamingTheFieldAndKeptForInspection() {
        String body = Fixtures.read("comment-without-visibility.json");
        HttpResponse<Buffer> response = harness.postSigned("acme", SECRET, body, "8350205599");

        assertProblem(response, 422, null);
        JsonObject problem = response.bodyAsJsonObject();
        assertThat(problem.getString("field")).isEqualTo("event.comment.is_public");
        assertThat(problem.getString("detail")).contains("event.comment.is_public").contains("missing");
        assertThat(problem.getString("keptAs")).isEqualTo("unmapped:acme:8350205599");
        JsonObject kept = new JsonObject(harness.plugin().store().values().get("unmapped:acme:8350205599"));
        assertThat(kept.getString("body")).isEqualTo(body);
        assertThat(kept.getString("field")).isEqualTo("event.comment.is_public");
        assertThat(harness.plugin().log().all()).contains("could not be mapped").contains("unmapped:acme:8350205599");
        assertThat(harness.plugin().ingested()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith422AndKept() {
        HttpResponse<Buffer> response = harness.postSigned("acme", SECRET, "ticket=5158&status=solved", "inv-form");

        assertProblem(response, 422, null);
        assertThat(response.bodyAsJsonObject().getString("field")).isEqualTo("body");
        assertThat(harness.plugin().store().values()).containsKey("unmapped:acme:inv-form");
    }

    @Test
    void aPayloadOfNeitherKindIsRefusedNamingTheTypeField() {
        HttpResponse<Buffer> response = harness.postSigned("acme", SECRET, "{\"ticket_id\":\"5158\"}", "inv-other");

        assertProblem(response, 422, null);
        assertThat(response.bodyAsJsonObject().getString("field")).isEqualTo("type");
    }

    @Test
    void anUnknownInstanceIsNotFound() {
        HttpResponse<Buffer> response = harness.postSigned("initech", SECRET, Fixtures.read("ticket-created.json"), "inv-1");

        assertProblem(response, 404, null);
        assertThat(response.bodyAsJsonObject().getString("detail")).contains("initech");
    }

    @Test
    void anAppendThatHangsIsAnswered503WithRetryAfterWellWithinZendesksTenSeconds() {
        harness.plugin().overrideIntake(event -> Promise.<Accepted>promise().future());
        long started = System.nanoTime();
        HttpResponse<Buffer> response = harness.postSigned("acme", SECRET, Fixtures.read("ticket-created.json"), "inv-slow");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertProblem(response, 503, null);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(tookMillis).isLessThan(5_000);
    }

    @Test
    void aFailedAppendIsAnswered503SoZendeskRetries() {
        harness.plugin().overrideIntake(event -> Future.failedFuture("event log unavailable"));

        HttpResponse<Buffer> response = harness.postSigned("acme", SECRET, Fixtures.read("ticket-created.json"), "inv-fail");

        assertProblem(response, 503, null);
        assertThat(response.bodyAsJsonObject().getString("detail")).contains("event log unavailable");
    }

    @Test
    void aSecretStoredByTheInstallerIsAcceptedWithoutConfiguration() {
        harness.plugin().store().put("webhook-secrets:acme", new JsonArray().add("installed-secret").encode());

        HttpResponse<Buffer> response = harness.postSigned("acme", "installed-secret", Fixtures.read("ticket-created.json"), "inv-2");

        assertThat(response.statusCode()).isEqualTo(202);
    }

    private void accept(String fixture) {
        HttpResponse<Buffer> response = harness.postSigned("acme", SECRET, Fixtures.read(fixture), "inv-" + fixture);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
    }

    private Ingested onlyIngested() {
        assertThat(harness.plugin().ingested()).hasSize(1);
        return harness.plugin().ingested().get(0);
    }

    private static void assertProblem(HttpResponse<Buffer> response, int status, String check) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
        JsonObject problem = response.bodyAsJsonObject();
        assertThat(problem.getString("type")).startsWith("https://ticketflow.dev/problems/");
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getInteger("status")).isEqualTo(status);
        assertThat(problem.getString("detail")).isNotBlank();
        if (check != null) {
            assertThat(problem.getString("check")).isEqualTo(check);
        }
    }
}
