package dev.ticketflow.plugins.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.plugins.slack.fakes.FakeSlack;
import dev.ticketflow.plugins.slack.fakes.Notifiers;
import dev.ticketflow.testkit.Published;
import dev.ticketflow.testkit.TestEvents;
import dev.ticketflow.testkit.TicketflowTestKit;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plugin as PF4J loads it from its build output, in a real platform, against a fake Slack. */
class SlackNotifierOnThePlatformTest {

    private static final Path PLUGIN = Path.of("target/classes");

    private static Vertx vertx;
    private static FakeSlack slack;
    private static TicketflowTestKit kit;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        slack = FakeSlack.start(vertx, Notifiers.BOT_TOKEN).await();
        kit = TicketflowTestKit.forPlugin(PLUGIN).withConfig(Notifiers.config(slack)
                .put("channels", new JsonObject().put("ssat-review", "U0SSATONCALL")));
        kit.start();
    }

    @AfterAll
    static void stop() {
        kit.close();
        slack.close().await();
        vertx.close().await();
    }

    @BeforeEach
    void forget() {
        kit.reset();
        slack.posted.clear();
    }

    @AfterEach
    void everyRequestMatchedSlacksContract() {
        assertThat(slack.violations).isEmpty();
    }

    private static TicketEvent derived(String type, String ticketId, String subject, Map<String, Object> data) {
        return TestEvents.created(TestEvents.ticket(ticketId, subject)).derive(type, data);
    }

    @Test
    void aHighSeverityEscalationIsPostedToSupportManagersWithTheTicketLink() {
        Published published = kit.publish(derived("escalation.raised", "801", "Threatening messages",
                Map.of("severity", "high", "signals", List.of("threat"))));

        assertThat(published.allSucceeded()).as("%s", published.outcomes()).isTrue();
        assertThat(slack.posted).singleElement().satisfies(message -> {
            assertThat(message.getString("channel")).isEqualTo("#support-managers");
            assertThat(message.getString("text")).contains("https://help.example.com/agent/tickets/801")
                    .contains("Threatening messages").contains("threat");
        });
    }

    @Test
    void aLowSeverityEscalationIsNotPosted() {
        kit.publish(derived("escalation.raised", "802", "Annoyed", Map.of("severity", "low")));

        assertThat(slack.posted).isEmpty();
    }

    @Test
    void aBadRatingPagesTheConfiguredOnCallSsatManager() {
        kit.publish(TestEvents.rated("803", "bad", "Nobody answered"));

        assertThat(slack.posted).singleElement().satisfies(message -> {
            assertThat(message.getString("channel")).isEqualTo("U0SSATONCALL");
            assertThat(message.getString("text")).contains("ticket #803").contains("Nobody answered");
        });
    }

    @Test
    void unconfiguredItStartsInDryRunAndPostsNothing() {
        try (TicketflowTestKit unconfigured = TicketflowTestKit.forPlugin(PLUGIN)) {
            unconfigured.start();

            Published published = unconfigured.publish(derived("feedback.classified", "804", "Love the editor",
                    Map.of("category", "product_feedback")));

            assertThat(unconfigured.plugin("slack-notifier").state()).isEqualTo("STARTED");
            assertThat(published.allSucceeded()).isTrue();
            assertThat(slack.posted).isEmpty();
        }
    }

    @Test
    void aConfigWithAMistakeIsRefusedNamingTheFieldOrTheRoute() {
        JsonObject wrongType = new JsonObject().put("channels", new JsonObject().put("ssat-review", 42));
        JsonObject brokenRoute = new JsonObject().put("routes", new JsonArray().add(new JsonObject()
                .put("name", "broken").put("on", "ticket.created").put("channel", "#x").put("text", "{{#unclosed}}")));

        try (TicketflowTestKit badKit = TicketflowTestKit.forPlugin(PLUGIN).withConfig(wrongType)) {
            assertThatThrownBy(badKit::start).hasMessageContaining("slack-notifier").hasMessageContaining("ssat-review");
        }
        try (TicketflowTestKit badKit = TicketflowTestKit.forPlugin(PLUGIN).withConfig(brokenRoute)) {
            assertThatThrownBy(badKit::start).hasMessageContaining("slack-notifier").hasMessageContaining("broken");
        }
    }
}
