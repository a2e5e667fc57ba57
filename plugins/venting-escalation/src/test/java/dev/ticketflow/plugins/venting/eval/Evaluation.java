package dev.ticketflow.plugins.venting.eval;

import dev.ticketflow.plugins.venting.classify.Classification;
import dev.ticketflow.plugins.venting.classify.Label;
import dev.ticketflow.plugins.venting.classify.MessageClassifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the classifier over labelled messages and scores it per class. Shared by the report
 * command and the test that fails the build below the targets.
 *
 * @param scores per-class scores
 * @param mistakes the messages labelled wrongly, with what the classifier said
 * @param total how many messages were classified
 */
public record Evaluation(Map<Label, ClassScores> scores, List<Mistake> mistakes, int total) {

    /**
     * One wrong label.
     *
     * @param message the labelled message
     * @param got what the classifier said, with its signals
     */
    public record Mistake(LabelledMessage message, Classification got) {}

    /**
     * Evaluates a classifier.
     *
     * @param classifier the classifier
     * @param messages the labelled messages
     * @return the scores
     */
    public static Evaluation of(MessageClassifier classifier, List<LabelledMessage> messages) {
        Map<Label, int[]> counts = new EnumMap<>(Label.class);
        for (Label label : Label.values()) {
            counts.put(label, new int[3]);
        }
        List<Mistake> mistakes = new ArrayList<>();
        for (LabelledMessage message : messages) {
            Classification got = classifier.classify(message.text());
            if (got.label() == message.label()) {
                counts.get(got.label())[0]++;
            } else {
                counts.get(got.label())[1]++;
                counts.get(message.label())[2]++;
                mistakes.add(new Mistake(message, got));
            }
        }
        Map<Label, ClassScores> scores = new EnumMap<>(Label.class);
        counts.forEach((label, c) -> scores.put(label, new ClassScores(c[0], c[1], c[2])));
        return new Evaluation(scores, mistakes, messages.size());
    }

    /** The scores of one class. */
    public ClassScores of(Label label) {
        return scores.get(label);
    }

    /** The share of messages labelled right. */
    public double accuracy() {
        return total == 0 ? 1.0 : (double) (total - mistakes.size()) / total;
    }
}
