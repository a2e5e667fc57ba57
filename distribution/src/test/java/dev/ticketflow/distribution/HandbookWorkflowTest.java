package dev.ticketflow.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.testkit.TicketflowTestKit;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the handbook's "Feedback and Complaints" page automates, done by the bundled plugin jars
 * together in one platform: a customer's bug complaint arrives through the Zendesk webhook, the
 * triage classifies it, the GitLab linker opens an issue and gives the customer its link, and
 * Slack hears about it.
 */
class HandbookWorkflowTest {

    private static final String ZENDESK_SECRET = "zendesk-webhook-secret";

    private static Vertx vertx;
    private static FakeVendors vendors;
    private static TicketflowTestKit kit;

    @BeforeAll
    static void start() throws IOException {
        vertx = Vertx.vertx();
        vendors = FakeVendors.start(vertx);
        List<Path> plugins = Distribution.files("plugins", ".jar");
        kit = TicketflowTestKit.forPlugin(plugins.get(0)).withoutFakeHelpDesk();
        plugins.subList(1, plugins.size()).forEach(kit::withPlugin);
        kit.withConfig("zendesk-connector", new JsonObject().put("instances", new JsonObject().put("acme",
                        new JsonObject().put("baseUrl", vendors.url())
                                .put("auth", new JsonObject().put("email", FakeVendors.ZENDESK_AUTH_EMAIL)
                                        .put("apiToken", "zendesk-api-token"))
                                .put("webhookSecret", ZENDESK_SECRET).put("requestsPerMinute", 60_000))))
                .withConfig("gitlab-issue-linker", new JsonObject()
                        .put("gitlab", new JsonObject().put("url", vendors.url()).put("token", FakeVendors.GITLAB_TOKEN))
                        .put("projects", new JsonArray().add("acme/app")))
                .withConfig("slack-notifier", new JsonObject()
                        .put("slack", new JsonObject().put("botToken", FakeVendors.SLACK_TOKEN)
                                .put("apiUrl", vendors.url() + "/slack/api"))
                        .put("routes", new JsonArray().add(new JsonObject().put("name", "bug-linked")
                                .put("on", "issue.linked").put("channel", "#bugs")
                                .put("text", "Ticket #{{ticket.id}} is linked to {{data.url}}"))));
        kit.start();
    }

    @AfterAll
    static void stop() {
        if (kit != null) {
            kit.close();
        }
        vendors.close();
        vertx.close().await();
    }

    @AfterEach
    void nothingUnexpectedReachedTheVendors() {
        assertThat(vendors.unexpected).isEmpty();
    }

    @Test
    void aBugComplaintFromZendeskIsClassifiedLinkedToANewIssueAnsweredAndAnnounced() throws Exception {
        vendors.addTicket(7001, "Complaint: the CSV export crashes on large projects", 501,
                "I am disappointed: exporting our projects to CSV crashes every time since Monday.");

        HttpResponse<Buffer> response = zendeskWebhook(ticketCreated(7001, "Complaint: the CSV export crashes on large"
                + " projects", "I am disappointed: exporting our projects to CSV crashes every time since Monday."));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
        TicketEvent linked = kit.awaitEmitted("issue.linked", 1).get(0);
        assertThat(kit.emitted("feedback.classified")).singleElement()
                .satisfies(classified -> assertThat(classified.data()).containsEntry("category", "bug"));
        assertThat(vendors.issues).singleElement().satisfies(issue -> {
            assertThat(issue.getString("title")).isEqualTo("Customer report: Complaint: the CSV export crashes on large"
                    + " projects");
            assertThat(issue.getString("description")).contains("/agent/tickets/7001");
        });
        String issueUrl = vendors.issues.get(0).getString("web_url");
        assertThat(linked.data()).containsEntry("url", issueUrl);
        assertThat(vendors.tags(7001)).contains("feedback", "feedback_bug", "gitlab-issue-linked");
        assertThat(vendors.comments(7001)).anySatisfy(comment -> {
            assertThat(comment.getBoolean("public")).isTrue();
            assertThat(comment.getString("body")).contains(issueUrl);
        });
        assertThat(vendors.slackMessages).singleElement().satisfies(message -> {
            assertThat(message.getString("channel")).isEqualTo("#bugs");
            assertThat(message.getString("text")).contains("Ticket #7001").contains(issueUrl);
        });
    }

    /** A Zendesk event-subscription webhook, as Zendesk sends {@code ticket.created}. */
    private static String ticketCreated(long ticketId, String subject, String description) {
        return new JsonObject().put("type", "zen:event-type:ticket.created").put("account_id", 22129848)
                .put("id", UUID.randomUUID().toString()).put("time", Instant.now().toString())
                .put("zendesk_event_version", "2022-11-06").put("subject", "zen:ticket:" + ticketId)
                .put("detail", new JsonObject().put("id", Long.toString(ticketId)).put("subject", subject)
                        .put("description", description).put("status", "NEW").put("priority", "NORMAL")
                        .put("requester_id", "501").put("submitter_id", "501").put("tags", new JsonArray())
                        .put("created_at", Instant.now().toString()).put("updated_at", Instant.now().toString()))
                .put("event", new JsonObject()).encode();
    }

    private static HttpResponse<Buffer> zendeskWebhook(String body) throws Exception {
        String timestamp = Instant.now().toString();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(ZENDESK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder()
                .encodeToString(mac.doFinal((timestamp + body).getBytes(StandardCharsets.UTF_8)));
        return kit.http().post(kit.port(), "127.0.0.1", "/hooks/zendesk-connector/acme")
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Zendesk-Webhook-Signature", signature)
                .putHeader("X-Zendesk-Webhook-Signature-Timestamp", timestamp)
                .putHeader("X-Zendesk-Webhook-Invocation-Id", UUID.randomUUID().toString())
                .sendBuffer(Buffer.buffer(body)).await();
    }
}
