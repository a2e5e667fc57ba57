package dev.ticketflow.plugins.apology.eval;

import dev.ticketflow.plugins.apology.lint.ApologyLinter;
import dev.ticketflow.plugins.apology.lint.Finding;
import dev.ticketflow.plugins.apology.lint.LinterRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the linter over labelled replies and scores each rule by reply: a rule is a true positive
 * on a reply when it was expected and fired there. Shared by the report command and the test
 * that fails the build below the targets.
 *
 * @param scores per-rule counts {@code {tp, fp, fn}}
 * @param mistakes replies where the fired rules differ from the expected ones
 * @param cleanReplies how many replies expected no finding
 * @param cleanRepliesFlagged how many of those got a finding anyway
 * @param total how many replies were linted
 */
public record LinterEvaluation(Map<String, int[]> scores, List<Mistake> mistakes, int cleanReplies,
        int cleanRepliesFlagged, int total) {

    /**
     * One reply linted differently from its labels.
     *
     * @param reply the labelled reply
     * @param fired the rule ids that fired
     * @param findings the findings
     */
    public record Mistake(LabelledReply reply, Set<String> fired, List<Finding> findings) {}

    /**
     * Evaluates a linter.
     *
     * @param linter the linter
     * @param replies the labelled replies
     * @return the scores
     */
    public static LinterEvaluation of(ApologyLinter linter, List<LabelledReply> replies) {
        Map<String, int[]> scores = new LinkedHashMap<>();
        LinterRules.RULE_IDS.forEach(id -> scores.put(id, new int[3]));
        List<Mistake> mistakes = new ArrayList<>();
        int clean = 0;
        int cleanFlagged = 0;
        for (LabelledReply reply : replies) {
            List<Finding> findings = linter.lint(reply.text(), reply.context());
            Set<String> fired = new LinkedHashSet<>();
            findings.forEach(finding -> fired.add(finding.ruleId()));
            for (String id : LinterRules.RULE_IDS) {
                boolean expected = reply.expected().contains(id);
                boolean got = fired.contains(id);
                if (expected && got) {
                    scores.get(id)[0]++;
                } else if (got) {
                    scores.get(id)[1]++;
                } else if (expected) {
                    scores.get(id)[2]++;
                }
            }
            if (reply.expected().isEmpty()) {
                clean++;
                if (!findings.isEmpty()) {
                    cleanFlagged++;
                }
            }
            if (!fired.equals(reply.expected())) {
                mistakes.add(new Mistake(reply, fired, findings));
            }
        }
        return new LinterEvaluation(scores, mistakes, clean, cleanFlagged, replies.size());
    }

    /** Precision of a rule: 1 when it never fired. */
    public double precision(String id) {
        int[] c = scores.get(id);
        return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
    }

    /** Recall of a rule: 1 when it was never expected. */
    public double recall(String id) {
        int[] c = scores.get(id);
        return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
    }

    /** How many replies expected the rule. */
    public int support(String id) {
        int[] c = scores.get(id);
        return c[0] + c[2];
    }
}
