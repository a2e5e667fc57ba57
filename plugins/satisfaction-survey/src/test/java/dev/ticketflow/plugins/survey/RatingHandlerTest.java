package dev.ticketflow.plugins.survey;

import static dev.ticketflow.plugins.survey.TicketEvents.rated;
import static dev.ticketflow.plugins.survey.TicketEvents.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketflow.api.PortCallException;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.testkit.fakes.FakePluginContext;
import dev.ticketflow.testkit.fakes.MutableClock;
import dev.ticketflow.testkit.fakes.RecordingMail;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatingHandlerTest {

    private static final Instant AT = Instant.parse("2026-03-03T10:00:00Z");

    private final MutableClock clock = new MutableClock(AT);
    private final RecordingMail mail = new RecordingMail();
    private final FakePluginContext plugin = FakePluginContext.builder("satisfaction-survey").config(
            new JsonObject().put("managers", new JsonArray().add("zendesk-manager@example.com"))).clock(clock).mail(mail).build();

    RatingHandlerTest() {
        new SatisfactionSurveyPlugin(clock).register(plugin);
    }

    private void deliver(TicketEvent event) {
        plugin.deliver(event).await();
    }

    @Test
    void aGoodRatingIsMailedAndNothingElse() {
        deliver(rated("r1", AT, ticket("7"), "good", "Thanks!"));

        assertThat(mail.sent()).singleElement().satisfies(sent -> assertThat(sent.to())
                .containsExactly("alex@example.com", "zendesk-manager@example.com"));
        assertThat(plugin.helpDesks().calls()).isEmpty();
        assertThat(plugin.emitted()).isEmpty();
    }

    @Test
    void aBadRatingIsTaggedAndSentForReview() {
        deliver(rated("r1", AT, ticket("7"), "bad", "Nobody answered for days"));

        assertThat(mail.sent()).hasSize(1);
        assertThat(plugin.helpDesks().lines()).containsExactly("addTags ssat-bad");
        assertThat(plugin.emitted()).singleElement().satisfies(review -> {
            assertThat(review.type()).isEqualTo("ssat.review_needed");
            assertThat(review.ticketId()).isEqualTo("7");
            assertThat(review.source()).isEqualTo("zendesk:acme");
            assertThat(review.data()).containsAllEntriesOf(Map.of(
                    "score", "bad",
                    "comment", "Nobody answered for days",
                    "ticketUrl", "https://acme.zendesk.com/agent/tickets/7",
                    "assignee", "alex@example.com",
                    "ratingEventId", "r1"));
        });
    }

    @Test
    void aRatingDeliveredAgainIsMailedAndReviewedOnce() {
        TicketEvent rating = rated("r1", AT, ticket("7"), "bad", "Slow");

        deliver(rating);
        deliver(rating);

        assertThat(mail.sent()).hasSize(1);
        assertThat(plugin.helpDesks().lines()).containsExactly("addTags ssat-bad");
        assertThat(plugin.emitted()).hasSize(1);
    }

    @Test
    void aFailedMailFailsTheDeliverySoItIsRetried() {
        TicketEvent rating = rated("r1", AT, ticket("7"), "bad", "Slow");
        mail.failNext();

        assertThatThrownBy(() -> plugin.deliver(rating).await()).isInstanceOf(PortCallException.class);
        assertThat(plugin.emitted()).isEmpty();

        deliver(rating);
        assertThat(mail.sent()).hasSize(1);
        assertThat(plugin.emitted()).hasSize(1);
    }

    @Test
    void aFailedTagRetriesOnlyTheReviewNotTheMail() {
        TicketEvent rating = rated("r1", AT, ticket("7"), "bad", "Slow");
        plugin.helpDesks().failNext("addTags");

        assertThatThrownBy(() -> plugin.deliver(rating).await()).isInstanceOf(PortCallException.class);
        deliver(rating);

        assertThat(mail.sent()).hasSize(1);
        assertThat(plugin.helpDesks().lines()).containsExactly("addTags ssat-bad");
        assertThat(plugin.emitted()).hasSize(1);
    }

    @Test
    void aRatedEventWithoutRatingIsIgnored() {
        deliver(TicketEvents.event(EventTypes.TICKET_RATED, "r1", AT, ticket("7")));

        assertThat(mail.sent()).isEmpty();
        assertThat(plugin.log().lines()).anyMatch(line -> line.startsWith("WARN"));
    }
}
