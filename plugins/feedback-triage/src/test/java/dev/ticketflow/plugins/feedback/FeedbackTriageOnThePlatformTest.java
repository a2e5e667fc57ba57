package dev.ticketflow.plugins.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketflow.api.event.Author;
import dev.ticketflow.api.event.AuthorRole;
import dev.ticketflow.api.event.Comment;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.testkit.Published;
import dev.ticketflow.testkit.TestEvents;
import dev.ticketflow.testkit.TicketflowTestKit;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The plugin as PF4J loads it from its build output, in a real platform. */
class FeedbackTriageOnThePlatformTest {

    @RegisterExtension
    static TicketflowTestKit kit = TicketflowTestKit.forPlugin(Path.of("target/classes"))
            .withConfig(new JsonObject().put("refunds", new JsonObject().put("group", "Billing refunds")));

    private static TicketEvent refundRequest(String ticketId) {
        return TestEvents.created(TestEvents.ticket(ticketId, "Please refund my last invoice").withStatus("new"))
                .withComment(new Comment("c-" + ticketId, new Author("u-" + ticketId, "Dana Customer",
                        "dana@example.com", AuthorRole.END_USER), "I was charged twice this month.", true));
    }

    @Test
    void aRefundRequestIsTaggedRoutedNotedAndAnnounced() {
        Published published = kit.publish(refundRequest("501"));

        assertThat(published.allSucceeded()).as("%s", published.outcomes()).isTrue();
        assertThat(kit.helpDesk().tagsAdded("501")).containsExactly("feedback", "feedback_refund");
        assertThat(kit.helpDesk().groupsAssigned("501")).containsExactly("Billing refunds");
        assertThat(kit.helpDesk().internalNotes("501")).singleElement()
                .satisfies(note -> assertThat(note).contains("refund workflow"));
        assertThat(kit.emitted("feedback.classified")).singleElement().satisfies(classified -> {
            assertThat(classified.ticketId()).isEqualTo("501");
            assertThat(classified.source()).isEqualTo(TestEvents.SOURCE);
            assertThat(classified.data()).containsEntry("category", "refund").containsKey("signals");
        });
    }

    @Test
    void theSameTicketClassifiedAgainAddsNothing() {
        kit.publish(refundRequest("502"));
        int calls = kit.helpDesk().commands().size();
        int announced = kit.emitted("feedback.classified").size();

        Published again = kit.publish(refundRequest("502"));

        assertThat(again.allSucceeded()).isTrue();
        assertThat(kit.helpDesk().commands()).hasSize(calls);
        assertThat(kit.emitted("feedback.classified")).hasSize(announced);
    }

    @Test
    void anOrdinaryQuestionIsLeftAlone() {
        Published published = kit.publish(TestEvents.created("503", "How do I rotate my API token?"));

        assertThat(published.allSucceeded()).isTrue();
        assertThat(kit.helpDesk().commands()).isEmpty();
        assertThat(kit.emitted()).isEmpty();
    }

    @Test
    void aConfigThatFailsTheSchemaIsRefusedNamingTheField() {
        TicketflowTestKit badKit = TicketflowTestKit.forPlugin(Path.of("target/classes"))
                .withConfig(new JsonObject().put("feedbackTag", "not a tag"));
        try (badKit) {
            assertThatThrownBy(badKit::start).hasMessageContaining("feedback-triage").hasMessageContaining("feedbackTag");
        }
    }
}
