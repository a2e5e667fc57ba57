package dev.ticketflow.plugins.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.Person;
import dev.ticketflow.api.event.Rating;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.testkit.Published;
import dev.ticketflow.testkit.TestEvents;
import dev.ticketflow.testkit.TicketflowTestKit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The plugin as PF4J loads it from its build output, in a real platform. The rated tickets have
 * no assignee and no manager is configured, so no rating mail is due: the platform's mail port
 * is covered by {@code RatingMailDeliveryTest}. Timers are checked only as far as the scheduler
 * port's contract goes (a call it refuses fails the delivery), not when they fire.
 */
class SatisfactionSurveyOnThePlatformTest {

    @RegisterExtension
    static TicketflowTestKit kit = TicketflowTestKit.forPlugin(Path.of("target/classes"));

    private static TicketEvent rated(String ticketId, String score, String comment) {
        Ticket ticket = new Ticket(ticketId, "https://help.example.com/agent/tickets/" + ticketId, "Billing page",
                "solved", "normal", List.of(), new Person("u-" + ticketId, "Dana Customer", "dana@example.com"),
                null, "Support", null, Map.of());
        return TicketEvent.of(EventTypes.TICKET_RATED, TestEvents.SOURCE, ticket).withRating(new Rating(score, comment));
    }

    @Test
    void aBadRatingTagsTheTicketAndAsksTheOnCallManagerForAReview() {
        Published published = kit.publish(rated("601", "bad", "Took ages"));

        assertThat(published.allSucceeded()).as("%s", published.outcomes()).isTrue();
        assertThat(kit.helpDesk().tagsAdded("601")).containsExactly("ssat-bad");
        assertThat(kit.emitted("ssat.review_needed")).singleElement().satisfies(review -> {
            assertThat(review.ticketId()).isEqualTo("601");
            assertThat(review.data()).containsEntry("score", "bad").containsEntry("comment", "Took ages")
                    .containsEntry("ticketUrl", "https://help.example.com/agent/tickets/601");
        });
    }

    @Test
    void aGoodRatingNeedsNoReview() {
        Published published = kit.publish(rated("602", "good", "Thanks!"));

        assertThat(published.allSucceeded()).isTrue();
        assertThat(kit.helpDesk().commands()).isEmpty();
        assertThat(kit.emitted()).isEmpty();
    }

    @Test
    void theSameBadRatingDeliveredAgainTagsAndAsksOnce() {
        TicketEvent rating = rated("603", "bad", "Rude").withIdAndTime("evt_rating_603", null);
        kit.publish(rating);

        Published again = kit.publish(rating);

        assertThat(again.outcome("satisfaction-survey")).as("delivered again").isNotNull();
        assertThat(kit.helpDesk().tagsAdded("603")).containsExactly("ssat-bad");
        assertThat(kit.emitted("ssat.review_needed")).hasSize(1);
    }

    @Test
    void aSolveSchedulesTheSurveyAndAReopenCancelsItWithoutTouchingTheTicket() {
        Published solved = kit.publish(TestEvents.solved("604"));
        Published reopened = kit.publish(TestEvents.reopened("604"));

        assertThat(solved.outcome("satisfaction-survey").succeeded()).as("%s", solved.outcomes()).isTrue();
        assertThat(reopened.outcome("satisfaction-survey").succeeded()).as("%s", reopened.outcomes()).isTrue();
        assertThat(kit.helpDesk().commands()).as("the survey is due a day later, not now").isEmpty();
    }
}
