package dev.ticketflow.plugins.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.plugins.slack.fakes.FakeSlack;
import dev.ticketflow.plugins.slack.fakes.Notifiers;
import dev.ticketflow.testkit.fakes.FakePluginContext;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class DefaultRoutesTest {

    private FakeSlack slack;

    @BeforeEach
    void startSlack(Vertx vertx) {
        slack = FakeSlack.start(vertx, Notifiers.BOT_TOKEN).await();
    }

    @AfterEach
    void everyRequestMatchedTheContract() {
        assertThat(slack.violations).isEmpty();
        slack.close().await();
    }

    @Test
    void productFeedbackIsPostedToProductWithTheTicketLink(Vertx vertx) {
        FakePluginContext plugin = Notifiers.start(vertx, Notifiers.config(slack));

        plugin.deliver(Notifiers.event("ev-1", "feedback.classified", Notifiers.ticket("5158", "Love the new editor", List.of()),
                Map.of("category", "product_feedback"))).await();

        assertThat(slack.posted).singleElement().satisfies(message -> {
            assertThat(message.getString("channel")).isEqualTo("#product");
            assertThat(message.getString("text")).contains("<https://acme.zendesk.com/agent/tickets/5158|ticket #5158>")
                    .contains("Love the new editor");
        });
    }

    @Test
    void onlyHighSeverityEscalationsGoToSupportManagers(Vertx vertx) {
        FakePluginContext plugin = Notifiers.start(vertx, Notifiers.config(slack));

        plugin.deliver(Notifiers.event("ev-2", "escalation.raised", Notifiers.ticket("1", "Threatening messages", List.of()),
                Map.of("severity", "high", "signals", List.of("threat", "legal")))).await();
        plugin.deliver(Notifiers.event("ev-3", "escalation.raised", Notifiers.ticket("2", "Annoyed", List.of()),
                Map.of("severity", "low"))).await();

        assertThat(slack.posted).singleElement().satisfies(message -> {
            assertThat(message.getString("channel")).isEqualTo("#support-managers");
            assertThat(message.getString("text")).contains("ticket #1").contains("• threat").contains("• legal");
        });
    }

    @Test
    void aBadRatingPagesTheOnCallSsatManagerOnceEvenWhenReviewNeededFollows(Vertx vertx) {
        JsonObject config = Notifiers.config(slack).put("channels", new JsonObject().put("ssat-review", "U0123456789"));
        FakePluginContext plugin = Notifiers.start(vertx, config);

        plugin.deliver(Notifiers.rated("ev-4", "77", "bad", "Took <b>ages</b>")).await();
        plugin.deliver(Notifiers.event("ev-5", "ssat.review_needed", Notifiers.ticket("77", "Billing page", List.of()), Map.of())).await();
        plugin.deliver(Notifiers.rated("ev-6", "78", "good", "Great")).await();

        assertThat(slack.posted).singleElement().satisfies(message -> {
            assertThat(message.getString("channel")).isEqualTo("U0123456789");
            assertThat(message.getString("text")).contains("ticket #77").contains("Took &lt;b&gt;ages&lt;/b&gt;");
        });
    }

    @Test
    void aReviewNeededEventAlonePagesTheOnCall(Vertx vertx) {
        FakePluginContext plugin = Notifiers.start(vertx, Notifiers.config(slack));

        plugin.deliver(Notifiers.event("ev-7", "ssat.review_needed", Notifiers.ticket("79", "Refund", List.of()), Map.of())).await();

        assertThat(slack.posted).singleElement()
                .satisfies(message -> assertThat(message.getString("channel")).isEqualTo("#ssat-oncall"));
    }

    @Test
    void defaultRoutesCanBeSwitchedOffOrReplacedByName(Vertx vertx) {
        JsonObject config = Notifiers.config(slack).put("routes", new io.vertx.core.json.JsonArray()
                .add(new JsonObject().put("name", "product-feedback").put("channel", "C0PRODUCT01"))
                .add(new JsonObject().put("name", "escalation-high").put("enabled", false)));
        FakePluginContext plugin = Notifiers.start(vertx, config);

        plugin.deliver(Notifiers.event("ev-8", "feedback.classified", Notifiers.ticket("3", "Idea", List.of()),
                Map.of("category", "product_feedback"))).await();
        plugin.deliver(Notifiers.event("ev-9", "escalation.raised", Notifiers.ticket("4", "Angry", List.of()),
                Map.of("severity", "high"))).await();

        assertThat(slack.posted).singleElement()
                .satisfies(message -> assertThat(message.getString("channel")).isEqualTo("C0PRODUCT01"));
    }
}
