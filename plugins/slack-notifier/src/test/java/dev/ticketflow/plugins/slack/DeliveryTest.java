package dev.ticketflow.plugins.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.plugins.slack.fakes.FakeSlack;
import dev.ticketflow.plugins.slack.fakes.Notifiers;
import dev.ticketflow.testkit.fakes.FakePluginContext;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class DeliveryTest {

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

    private static TicketEvent productFeedback(String id) {
        return Notifiers.event(id, "feedback.classified", Notifiers.ticket("5158", "Feedback", List.of()),
                Map.of("category", "product_feedback"));
    }

    @Test
    void okFalseFailsTheDeliveryWithSlacksErrorAndTheRetryPostsIt(Vertx vertx) {
        FakePluginContext plugin = Notifiers.start(vertx, Notifiers.config(slack));
        slack.answers.add(FakeSlack.Answer.error("channel_not_found"));

        assertThat(plugin.deliver(productFeedback("ev-1")).toCompletionStage().toCompletableFuture())
                .failsWithin(Duration.ofSeconds(30)).withThrowableOfType(ExecutionException.class)
                .withMessageContaining("route 'product-feedback'").withMessageContaining("channel_not_found");
        assertThat(slack.posted).isEmpty();

        plugin.deliver(productFeedback("ev-1")).await();
        assertThat(slack.posted).hasSize(1);
    }

    @Test
    void aRateLimitIsRetriedAfterRetryAfter(Vertx vertx) {
        FakePluginContext plugin = Notifiers.start(vertx, Notifiers.config(slack));
        slack.answers.add(FakeSlack.Answer.rateLimited("1"));

        plugin.deliver(productFeedback("ev-2")).await();

        assertThat(slack.posted).hasSize(1);
        assertThat(slack.requestTimes).hasSize(2);
        assertThat(Duration.ofNanos(slack.requestTimes.get(1) - slack.requestTimes.get(0)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void aRateLimitFromTheOkFalseBodyIsRetriedToo(Vertx vertx) {
        FakePluginContext plugin = Notifiers.start(vertx, Notifiers.config(slack));
        slack.answers.add(FakeSlack.Answer.error("rate_limited"));

        plugin.deliver(productFeedback("ev-3")).await();

        assertThat(slack.posted).hasSize(1);
    }

    @Test
    void aRetryAfterBeyondTheLimitFailsTheDeliveryAtOnce(Vertx vertx) {
        FakePluginContext plugin = Notifiers.start(vertx, Notifiers.config(slack));
        slack.answers.add(FakeSlack.Answer.rateLimited("600"));

        assertThat(plugin.deliver(productFeedback("ev-4")).toCompletionStage().toCompletableFuture())
                .failsWithin(Duration.ofSeconds(30)).withThrowableOfType(ExecutionException.class)
                .withMessageContaining("ratelimited").withMessageContaining("wait 600 s");
        assertThat(slack.requestTimes).hasSize(1);
    }

    @Test
    void aReplayedEventPostsNothingTwice(Vertx vertx) {
        FakePluginContext plugin = Notifiers.start(vertx, Notifiers.config(slack));

        plugin.deliver(productFeedback("ev-5")).await();
        plugin.deliver(productFeedback("ev-5")).await();
        plugin.deliver(productFeedback("ev-6")).await();

        assertThat(slack.posted).hasSize(2);
    }

    @Test
    void oneFailingRouteDoesNotStopTheOthersAndOnlyItIsResent(Vertx vertx) {
        JsonObject second = new JsonObject().put("name", "product-copy").put("on", "feedback.classified")
                .put("channel", "C0AAAAAAAA1").put("text", "Copy {{ticket.id}}");
        FakePluginContext plugin = Notifiers.start(vertx, Notifiers.config(slack).put("routes", new JsonArray().add(second)));
        slack.answers.add(FakeSlack.Answer.error("not_in_channel"));

        assertThat(plugin.deliver(productFeedback("ev-7")).toCompletionStage().toCompletableFuture())
                .failsWithin(Duration.ofSeconds(30));
        assertThat(slack.posted).extracting(message -> message.getString("channel")).containsExactly("C0AAAAAAAA1");

        plugin.deliver(productFeedback("ev-7")).await();
        assertThat(slack.posted).extracting(message -> message.getString("channel")).containsExactly("C0AAAAAAAA1", "#product");
    }

    @Test
    void theTokenNeverAppearsInAMessageAnErrorOrTheLog(Vertx vertx) {
        JsonObject leaky = new JsonObject().put("name", "leaky").put("on", "ticket.created").put("channel", "C0123456789")
                .put("text", "Subject: {{{ticket.subject}}}");
        FakePluginContext plugin = Notifiers.start(vertx, Notifiers.config(slack).put("routes", new JsonArray().add(leaky)));
        slack.answers.add(FakeSlack.Answer.error("invalid_auth"));

        Throwable refused = plugin.deliver(Notifiers.event("ev-8", "ticket.created", Notifiers.ticket("9", "x", List.of()), Map.of()))
                .toCompletionStage().toCompletableFuture().handle((ok, failure) -> failure).join();
        Throwable leak = plugin.deliver(Notifiers.event("ev-9", "ticket.created",
                Notifiers.ticket("10", "token is " + Notifiers.BOT_TOKEN, List.of()), Map.of()))
                .toCompletionStage().toCompletableFuture().handle((ok, failure) -> failure).join();

        assertThat(refused).hasMessageContaining("invalid_auth").hasMessageNotContaining(Notifiers.BOT_TOKEN);
        assertThat(leak).hasMessageContaining("would contain a configured secret").hasMessageNotContaining(Notifiers.BOT_TOKEN);
        assertThat(slack.posted).isEmpty();
        assertThat(plugin.log().lines()).noneMatch(line -> line.contains(Notifiers.BOT_TOKEN));
    }

    @Test
    void anIncomingWebhookCarriesTheMessageWhenThereIsNoBotToken(Vertx vertx) {
        JsonObject config = new JsonObject().put("slack", new JsonObject().put("webhookUrl", slack.webhookUrl()));
        FakePluginContext plugin = Notifiers.start(vertx, config);

        plugin.deliver(productFeedback("ev-10")).await();
        slack.answers.add(new FakeSlack.Answer(404, "channel_not_found", null));
        Throwable failed = plugin.deliver(productFeedback("ev-11")).toCompletionStage().toCompletableFuture()
                .handle((ok, failure) -> failure).join();

        assertThat(slack.webhookPosts).singleElement()
                .satisfies(message -> assertThat(message.getString("text")).contains("ticket #5158"));
        assertThat(failed).hasMessageContaining("channel_not_found").hasMessageContaining("HTTP 404")
                .hasMessageNotContaining(FakeSlack.WEBHOOK_PATH);
    }
}
