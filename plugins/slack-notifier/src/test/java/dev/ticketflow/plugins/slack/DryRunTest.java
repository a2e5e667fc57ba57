package dev.ticketflow.plugins.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.plugins.slack.fakes.FakeSlack;
import dev.ticketflow.plugins.slack.fakes.Notifiers;
import dev.ticketflow.testkit.fakes.FakePluginContext;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class DryRunTest {

    @Test
    void withoutATokenThePluginStartsAndSaysItRunsDry(Vertx vertx) {
        FakePluginContext plugin = Notifiers.start(vertx, new JsonObject());

        assertThat(plugin.log().lines()).anySatisfy(line -> assertThat(line)
                .startsWith("WARN DRY-RUN: no Slack token configured: messages are logged, not sent")
                .contains("product-feedback", "escalation-high", "ssat-review"));
    }

    @Test
    void anEmptyTokenFromAnUnsetVariableIsNoTokenAtAll(Vertx vertx) {
        FakePluginContext plugin = Notifiers.start(vertx,
                new JsonObject().put("slack", new JsonObject().put("botToken", "")));

        assertThat(plugin.log().lines()).anySatisfy(line -> assertThat(line).contains("DRY-RUN"));
    }

    @Test
    void eachMatchingRouteLogsTheMessageItWouldPostAndTheDeliverySucceeds(Vertx vertx) {
        FakePluginContext plugin = Notifiers.start(vertx, new JsonObject());

        plugin.deliver(Notifiers.event("ev-1", "feedback.classified", Notifiers.ticket("5158", "Love the new editor",
                List.of()), Map.of("category", "product_feedback"))).await();
        plugin.deliver(Notifiers.event("ev-2", "escalation.raised", Notifiers.ticket("12", "Threats", List.of()),
                Map.of("severity", "high"))).await();

        assertThat(plugin.log().lines()).anySatisfy(line -> assertThat(line)
                .startsWith("INFO DRY-RUN: route 'product-feedback' would post to #product:")
                .contains("ticket #5158", "Love the new editor"));
        assertThat(plugin.log().lines()).anySatisfy(line -> assertThat(line)
                .startsWith("INFO DRY-RUN: route 'escalation-high' would post to #support-managers:")
                .contains("ticket #12"));
        assertThat(plugin.store().values()).as("nothing is marked sent, so a replay after set-up posts").isEmpty();
    }

    @Test
    void aRouteWithItsOwnWebhookStillPostsWhileTheOthersRunDry(Vertx vertx) {
        FakeSlack slack = FakeSlack.start(vertx, Notifiers.BOT_TOKEN).await();
        try {
            JsonObject config = new JsonObject().put("routes", new JsonArray().add(new JsonObject()
                    .put("name", "product-feedback").put("webhookUrl", slack.webhookUrl())));
            FakePluginContext plugin = Notifiers.start(vertx, config);

            plugin.deliver(Notifiers.event("ev-3", "feedback.classified", Notifiers.ticket("7", "Nice", List.of()),
                    Map.of("category", "product_feedback"))).await();
            plugin.deliver(Notifiers.rated("ev-4", "8", "bad", "Slow")).await();

            assertThat(slack.webhookPosts).singleElement()
                    .satisfies(message -> assertThat(message.getString("text")).contains("ticket #7"));
            assertThat(plugin.log().lines()).anySatisfy(line -> assertThat(line)
                    .startsWith("INFO DRY-RUN: route 'ssat-review' would post to #ssat-oncall:"));
            assertThat(slack.violations).isEmpty();
        } finally {
            slack.close().await();
        }
    }
}
