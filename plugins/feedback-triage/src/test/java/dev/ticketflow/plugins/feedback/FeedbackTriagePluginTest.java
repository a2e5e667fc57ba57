package dev.ticketflow.plugins.feedback;

import static dev.ticketflow.plugins.feedback.TicketEvents.agentComment;
import static dev.ticketflow.plugins.feedback.TicketEvents.commentAdded;
import static dev.ticketflow.plugins.feedback.TicketEvents.created;
import static dev.ticketflow.plugins.feedback.TicketEvents.customerComment;
import static dev.ticketflow.plugins.feedback.TicketEvents.ticket;
import static dev.ticketflow.plugins.feedback.TicketEvents.updated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketflow.api.PortCallException;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.testkit.fakes.FakePluginContext;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class FeedbackTriagePluginTest {

    private FakePluginContext plugin = started(new JsonObject());

    private static FakePluginContext started(JsonObject config) {
        FakePluginContext plugin = FakePluginContext.builder("feedback-triage").config(config).build();
        new FeedbackTriagePlugin().register(plugin);
        return plugin;
    }

    private void deliver(TicketEvent event) {
        plugin.deliver(event).await();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> signalsOf(TicketEvent classified) {
        return (List<Map<String, Object>>) classified.data().get("signals");
    }

    @Test
    void theHandlersCoverExactlyTheDescriptorsSubscriptions() throws Exception {
        Properties descriptor = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("plugin.properties")) {
            descriptor.load(in);
        }

        assertThat(plugin.subscribedPatterns()).containsExactlyInAnyOrderElementsOf(
                Arrays.asList(descriptor.getProperty("plugin.subscriptions").split(",")));
    }

    @Test
    void aBugReportIsTaggedFeedbackAndAnnounced() {
        deliver(created(ticket("7", "Found a bug in the merge request page"), "The diff view is broken"));

        assertThat(plugin.helpDesks().lines()).containsExactly("addTags feedback,feedback_bug");
        assertThat(plugin.emitted()).singleElement().satisfies(classified -> {
            assertThat(classified.type()).isEqualTo("feedback.classified");
            assertThat(classified.ticketId()).isEqualTo("7");
            assertThat(classified.source()).isEqualTo("zendesk:acme");
            assertThat(classified.data()).containsEntry("category", "bug")
                    .doesNotContainKey("previousCategory");
            assertThat(signalsOf(classified)).containsExactly(
                    Map.of("source", "subject", "category", "bug", "match", "bug", "qualifies", true),
                    Map.of("source", "comment", "category", "bug", "match", "broken", "qualifies", false));
        });
    }

    @Test
    void aTicketThatIsNoFeedbackIsLeftAlone() {
        deliver(created(ticket("7", "How do I rotate a token?"), "Thanks"));

        assertThat(plugin.helpDesks().calls()).isEmpty();
        assertThat(plugin.emitted()).isEmpty();
    }

    @Test
    void aRefundRequestIsRoutedToTheRefundsGroupWithANoteLinkingTheWorkflow() {
        deliver(created(ticket("8", "Please refund my last invoice"), null));

        assertThat(plugin.helpDesks().lines()).hasSize(3);
        assertThat(plugin.helpDesks().lines().get(0)).isEqualTo("addTags feedback,feedback_refund");
        assertThat(plugin.helpDesks().lines().get(1)).isEqualTo("assignGroup Refunds");
        assertThat(plugin.helpDesks().calls("addInternalNote")).singleElement()
                .satisfies(note -> assertThat(note.values().get(0))
                        .contains("subject 'refund'")
                        .contains("https://about.gitlab.com/handbook/support/workflows/handling_refund_requests.html"));
        assertThat(plugin.emitted()).singleElement()
                .satisfies(classified -> assertThat(classified.data()).containsEntry("category", "refund"));
    }

    @Test
    void refundsGoToTheConfiguredGroupAndWorkflow() {
        plugin = started(new JsonObject().put("refunds", new JsonObject()
                .put("group", "Billing").put("workflowUrl", "https://wiki.example.com/refunds")
                .put("note", "Refund: {workflowUrl}")));

        deliver(created(ticket("8", "Hello", "refund"), null));

        assertThat(plugin.helpDesks().lines()).containsExactly("addTags feedback,feedback_refund",
                "assignGroup Billing", "addInternalNote Refund: https://wiki.example.com/refunds");
    }

    @Test
    void theSameTicketClassifiedAgainAddsNothing() {
        Ticket ticket = ticket("9", "Feature request: dark mode");
        TicketEvent first = created(ticket, null);

        deliver(first);
        deliver(first);
        deliver(updated(ticket.withTags(List.of("feedback", "feedback_feature_proposal"))));
        deliver(commentAdded(ticket, customerComment("Would be great if it came soon")));

        assertThat(plugin.helpDesks().lines()).containsExactly("addTags feedback,feedback_feature_proposal");
        assertThat(plugin.emitted()).hasSize(1);
    }

    @Test
    void aLaterChangeOfCategoryIsAnnouncedAgain() {
        Ticket ticket = ticket("10", "This is unacceptable");
        deliver(created(ticket, null));

        deliver(updated(ticket.withTags(List.of("feedback", "feedback_venting", "refund"))));

        assertThat(plugin.helpDesks().lines()).hasSize(5).startsWith(
                "addTags feedback,feedback_venting",
                "addTags feedback,feedback_refund",
                "removeTags feedback_venting",
                "assignGroup Refunds");
        assertThat(plugin.helpDesks().lines().get(4)).startsWith("addInternalNote ");
        assertThat(plugin.emitted()).extracting(event -> event.data().get("category"))
                .containsExactly("venting", "refund");
        assertThat(plugin.emitted().get(1).data()).containsEntry("previousCategory", "venting");
    }

    @Test
    void aTicketIsRoutedToRefundsOnlyOnce() {
        Ticket ticket = ticket("11", "Hello");
        deliver(created(ticket.withTags(List.of("refund")), null));
        deliver(updated(ticket.withTags(List.of("bug"))));
        deliver(updated(ticket.withTags(List.of("refund"))));

        assertThat(plugin.emitted()).extracting(event -> event.data().get("category"))
                .containsExactly("refund", "bug", "refund");
        assertThat(plugin.helpDesks().calls("assignGroup")).hasSize(1);
        assertThat(plugin.helpDesks().calls("addInternalNote")).hasSize(1);
    }

    @Test
    void theFirstCustomerCommentIsClassifiedWhenTheTicketCameWithoutOne() {
        Ticket ticket = ticket("12", "Subscription");
        deliver(created(ticket, null));
        deliver(commentAdded(ticket, customerComment("I was double charged, please reimburse me")));

        assertThat(plugin.emitted()).singleElement()
                .satisfies(classified -> assertThat(classified.data()).containsEntry("category", "refund"));
    }

    @Test
    void commentsAfterTheFirstCustomerCommentAreIgnored() {
        Ticket ticket = ticket("13", "Subscription");
        deliver(created(ticket, "How do I change my plan?"));
        deliver(commentAdded(ticket, customerComment("Never mind, I want a refund")));

        assertThat(plugin.helpDesks().calls()).isEmpty();
        assertThat(plugin.emitted()).isEmpty();
    }

    @Test
    void anAgentsCommentIsNotTheCustomersFirstWord() {
        Ticket ticket = ticket("14", "Subscription");
        deliver(commentAdded(ticket, agentComment("Refunds are handled by billing")));
        deliver(commentAdded(ticket, customerComment("This is ridiculous")));

        assertThat(plugin.emitted()).singleElement()
                .satisfies(classified -> assertThat(classified.data()).containsEntry("category", "venting"));
    }

    @Test
    void theFirstCommentStillCountsWhenTheTicketIsUpdatedLater() {
        Ticket ticket = ticket("15", "Subscription");
        deliver(created(ticket, "I want my money back"));
        deliver(updated(ticket.withTags(List.of("feedback", "feedback_refund", "vip"))));

        assertThat(plugin.emitted()).hasSize(1);
        assertThat(plugin.helpDesks().calls("removeTags")).isEmpty();
    }

    @Test
    void theCategoryTagItWroteDoesNotPinAGuess() {
        // "complaint" is both the output tag of "other" and an input tag rule for "other"
        plugin = started(new JsonObject().put("categoryTags", new JsonObject().put("other", "complaint")));
        Ticket ticket = ticket("18", "Complaint");
        deliver(created(ticket, null));

        deliver(commentAdded(ticket.withTags(List.of("feedback", "complaint")),
                customerComment("I want a refund")));

        assertThat(plugin.emitted()).extracting(event -> event.data().get("category"))
                .containsExactly("other", "refund");
    }

    @Test
    void aFailedActionLeavesTheTicketToBeClassifiedOnRedelivery() {
        TicketEvent event = created(ticket("16", "Worst service ever"), null).withIdAndTime("e-16", null);
        plugin.helpDesks().failNext("addTags");

        assertThatThrownBy(() -> plugin.deliver(event).await()).isInstanceOf(PortCallException.class);
        assertThat(plugin.emitted()).isEmpty();

        deliver(event);
        assertThat(plugin.helpDesks().lines()).containsExactly("addTags feedback,feedback_venting");
        assertThat(plugin.emitted()).hasSize(1);
    }

    @Test
    void theConfiguredTagNamesAreUsed() {
        plugin = started(new JsonObject().put("feedbackTag", "complaint_review")
                .put("categoryTags", new JsonObject().put("product_feedback", "for_product")));

        deliver(created(ticket("17", "Some feedback on the new UI"), null));

        assertThat(plugin.helpDesks().lines()).containsExactly("addTags complaint_review,for_product");
    }
}
