package dev.ticketflow.plugins.venting.eval;

import dev.ticketflow.plugins.venting.classify.EmbeddingRaiser;
import dev.ticketflow.plugins.venting.classify.Label;
import dev.ticketflow.plugins.venting.classify.MessageClassifier;
import dev.ticketflow.plugins.venting.classify.RuleBookLoader;
import dev.ticketflow.plugins.venting.classify.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints per-class precision, recall and F1 of the venting classifier on the labelled sets:
 * the dev split (used while writing the rules), the held-out split, both together, and the
 * fresh splits (written last and never tuned on, to show how it does on new phrasings).
 * {@code --mistakes} also lists every wrongly labelled message with the signals that fired.
 */
public final class VentingEvalReport {

    private VentingEvalReport() {}

    /**
     * Runs the report.
     *
     * @param args {@code --mistakes} to list the wrong labels; {@code --split dev|holdout} to
     *     report one split only; {@code --rules-only} to leave the model of the examples out
     */
    public static void main(String[] args) {
        boolean showMistakes = List.of(args).contains("--mistakes");
        int splitFlag = List.of(args).indexOf("--split");
        List<String> splits = splitFlag >= 0 ? List.of(args[splitFlag + 1]) : EvaluationSet.SPLITS;
        boolean rulesOnly = List.of(args).contains("--rules-only");
        MessageClassifier classifier = new MessageClassifier(RuleBookLoader.defaults(),
                rulesOnly ? null : EmbeddingRaiser.withDefaults());
        System.out.println(rulesOnly ? "rules only" : "rules, raised by the model of the labelled examples where its evidence is strong"
                + " (the dev split is also its example set, so its dev figures are not an estimate)");
        List<LabelledMessage> all = new ArrayList<>();
        for (String split : splits) {
            List<LabelledMessage> messages = EvaluationSet.load(split);
            all.addAll(messages);
            print(split, Evaluation.of(classifier, messages), showMistakes);
        }
        if (splits.size() > 1) {
            print("all", Evaluation.of(classifier, all), false);
            for (String fresh : EvaluationSet.FRESH_SPLITS) {
                print(fresh + " (written blind)",
                        Evaluation.of(classifier, EvaluationSet.load(fresh)), showMistakes);
            }
        }
    }

    static void print(String name, Evaluation evaluation, boolean showMistakes) {
        System.out.printf(Locale.ROOT, "%nventing-escalation, %s split: %d messages, accuracy %.3f%n",
                name, evaluation.total(), evaluation.accuracy());
        System.out.printf(Locale.ROOT, "  %-8s %9s %9s %9s %8s%n", "class", "precision", "recall", "f1", "support");
        for (Label label : Label.values()) {
            ClassScores scores = evaluation.of(label);
            System.out.printf(Locale.ROOT, "  %-8s %9.3f %9.3f %9.3f %8d%n", label.id(), scores.precision(),
                    scores.recall(), scores.f1(), scores.support());
        }
        if (showMistakes) {
            for (Evaluation.Mistake mistake : evaluation.mistakes()) {
                LabelledMessage message = mistake.message();
                System.out.printf(Locale.ROOT, "  - %s [%s] expected %s, got %s (score %d): %s%n", message.id(),
                        message.kind(), message.label().id(), mistake.got().label().id(),
                        mistake.got().ventingScore(), message.text());
                for (Signal signal : mistake.got().signals()) {
                    System.out.println("      " + signal.describe());
                }
            }
        }
    }
}
