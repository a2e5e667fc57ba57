package dev.ticketflow.plugins.apology.eval;

import dev.ticketflow.plugins.apology.lint.ApologyLinter;
import dev.ticketflow.plugins.apology.lint.Finding;
import dev.ticketflow.plugins.apology.lint.LinterRules;
import dev.ticketflow.plugins.apology.lint.LinterRulesLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints per-rule precision and recall of the apology-tone linter, and the false positives on
 * clean replies, for each split and all of them. {@code --mistakes} lists the
 * replies linted differently from their labels.
 */
public final class LinterEvalReport {

    private LinterEvalReport() {}

    /**
     * Runs the report.
     *
     * @param args {@code --mistakes}; {@code --split dev|holdout|dev2} for one split
     */
    public static void main(String[] args) {
        boolean showMistakes = List.of(args).contains("--mistakes");
        int splitFlag = List.of(args).indexOf("--split");
        List<String> splits = splitFlag >= 0 ? List.of(args[splitFlag + 1]) : ReplySet.SPLITS;
        ApologyLinter linter = new ApologyLinter(LinterRulesLoader.defaults());
        List<LabelledReply> all = new ArrayList<>();
        for (String split : splits) {
            List<LabelledReply> replies = ReplySet.load(split);
            all.addAll(replies);
            print(split, LinterEvaluation.of(linter, replies), showMistakes);
        }
        if (splits.size() > 1) {
            print("all", LinterEvaluation.of(linter, all), false);
            for (String fresh : ReplySet.FRESH_SPLITS) {
                print(fresh + " (written blind)", LinterEvaluation.of(linter, ReplySet.load(fresh)),
                        showMistakes);
            }
        }
    }

    static void print(String name, LinterEvaluation evaluation, boolean showMistakes) {
        System.out.printf(Locale.ROOT, "%napology-tone-linter, %s split: %d replies, %d clean%n", name,
                evaluation.total(), evaluation.cleanReplies());
        System.out.printf(Locale.ROOT, "  %-20s %9s %9s %8s%n", "rule", "precision", "recall", "support");
        for (String id : LinterRules.RULE_IDS) {
            System.out.printf(Locale.ROOT, "  %-20s %9.3f %9.3f %8d%n", id, evaluation.precision(id),
                    evaluation.recall(id), evaluation.support(id));
        }
        System.out.printf(Locale.ROOT, "  clean replies with findings: %d of %d%n", evaluation.cleanRepliesFlagged(),
                evaluation.cleanReplies());
        if (showMistakes) {
            for (LinterEvaluation.Mistake mistake : evaluation.mistakes()) {
                System.out.printf(Locale.ROOT, "  - %s [%s, %s] expected %s, got %s: %s%n", mistake.reply().id(),
                        mistake.reply().kind(), mistake.reply().context().id(), mistake.reply().expected(),
                        mistake.fired(), mistake.reply().text());
                for (Finding finding : mistake.findings()) {
                    System.out.println("      " + finding.describe().replaceAll(" -> .*", ""));
                }
            }
        }
    }
}
