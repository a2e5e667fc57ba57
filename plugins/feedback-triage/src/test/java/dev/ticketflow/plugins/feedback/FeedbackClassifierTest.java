package dev.ticketflow.plugins.feedback;

import static dev.ticketflow.plugins.feedback.TicketEvents.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedbackClassifierTest {

    private final FeedbackClassifier classifier =
            new FeedbackClassifier(TriageSettings.fromJson(new JsonObject()));

    private Optional<Category> categoryOf(dev.ticketflow.api.event.Ticket ticket, String firstComment) {
        List<Signal> signals = new ArrayList<>(classifier.ticketSignals(ticket));
        if (firstComment != null) {
            signals.addAll(classifier.commentSignals(firstComment));
        }
        return classifier.decide(signals).map(Classification::category);
    }

    @Test
    void aTagNamesTheCategory() {
        assertThat(categoryOf(ticket("1", "Question about my invoice", "refund_request"), null))
                .contains(Category.REFUND);
    }

    @Test
    void aCustomFieldNamesTheCategory() {
        var ticket = ticket("1", "Hello", List.of(), null, Map.of("feedback_type", "Feature_Request"));

        assertThat(categoryOf(ticket, null)).contains(Category.FEATURE_PROPOSAL);
        assertThat(classifier.ticketSignals(ticket)).containsExactly(
                new Signal(SignalSource.FIELD, Category.FEATURE_PROPOSAL, "feedback_type=feature_request", true));
    }

    @Test
    void aMultiSelectFieldGivesOneSignalPerValue() {
        var ticket = ticket("1", "Hello", List.of(), null, Map.of("feedback_type", List.of("venting", "refund")));

        assertThat(classifier.ticketSignals(ticket)).extracting(Signal::category)
                .containsExactly(Category.VENTING, Category.REFUND);
        assertThat(categoryOf(ticket, null)).contains(Category.REFUND);
    }

    @Test
    void theTicketFormNamesTheCategory() {
        assertThat(categoryOf(ticket("1", "Hello", List.of(), "Bug Report", Map.of()), null))
                .contains(Category.BUG);
    }

    @Test
    void keywordsInTheSubjectNameTheCategory() {
        assertThat(categoryOf(ticket("1", "Feature request: dark mode"), null))
                .contains(Category.FEATURE_PROPOSAL);
    }

    @Test
    void keywordsInTheFirstCommentNameTheCategory() {
        assertThat(categoryOf(ticket("1", "My subscription"), "I was charged twice, I want my money back"))
                .contains(Category.REFUND);
    }

    @Test
    void keywordsMatchWholeWordsOnly() {
        assertThat(categoryOf(ticket("1", "Debugging the pipeline"), "Is the fee refundable?")).isEmpty();
    }

    @Test
    void keywordsMatchAcrossCaseLineBreaksAndTypographicApostrophes() {
        assertThat(classifier.commentSignals("We would\nLOVE TO SEE that, and the export doesn\u2019t work"))
                .extracting(Signal::match)
                .containsExactly("doesn\u2019t work", "would love to see");
    }

    @Test
    void aSymptomAloneDoesNotMakeATicketFeedback() {
        assertThat(categoryOf(ticket("1", "Error when exporting"), "The export crashes with an exception"))
                .isEmpty();
    }

    @Test
    void aSymptomPicksTheKindOfAComplaint() {
        assertThat(categoryOf(ticket("1", "Complaint"), "The export crashes every single time"))
                .contains(Category.BUG);
    }

    @Test
    void explicitSignalsOutrankKeywords() {
        assertThat(categoryOf(ticket("1", "Refund?", "feature_request"), "This is ridiculous"))
                .contains(Category.FEATURE_PROPOSAL);
    }

    @Test
    void aFieldOutranksTheFormWhichOutranksATag() {
        var fieldFormTag = ticket("1", "Hello", List.of("refund"), "Feature request",
                Map.of("feedback_type", "venting"));
        var formTag = ticket("1", "Hello", List.of("refund"), "Feature request", Map.of());

        assertThat(categoryOf(fieldFormTag, null)).contains(Category.VENTING);
        assertThat(categoryOf(formTag, null)).contains(Category.FEATURE_PROPOSAL);
    }

    @Test
    void theConfiguredPriorityDecidesBetweenKeywords() {
        assertThat(categoryOf(ticket("1", "This is unacceptable"), "I want a refund!")).contains(Category.REFUND);
        assertThat(categoryOf(ticket("1", "This is unacceptable"), "Another bug?")).contains(Category.BUG);
    }

    @Test
    void everySignalIsReportedNotOnlyTheWinningOne() {
        Classification classification = classifier.decide(new ArrayList<>(classifier.commentSignals(
                "Worst update ever, the editor is broken and I want a refund"))).orElseThrow();

        assertThat(classification.category()).isEqualTo(Category.REFUND);
        assertThat(classification.signals()).extracting(Signal::category)
                .contains(Category.REFUND, Category.BUG, Category.VENTING);
    }

    @Test
    void theTagsThePluginWritesAreNotReadBackEvenWhenATagRuleNamesThem() {
        FeedbackClassifier ownTagIsARule = new FeedbackClassifier(TriageSettings.fromJson(new JsonObject()
                .put("categoryTags", new JsonObject().put("bug", "bug"))));

        assertThat(ownTagIsARule.ticketSignals(ticket("1", "Hello", "bug", "feedback"))).isEmpty();
        assertThat(classifier.ticketSignals(ticket("1", "Hello", "bug", "feedback"))).hasSize(1);
    }

    @Test
    void anOrdinaryQuestionIsNoFeedback() {
        assertThat(categoryOf(ticket("1", "How do I reset my password?"), "Thanks in advance")).isEmpty();
    }
}
