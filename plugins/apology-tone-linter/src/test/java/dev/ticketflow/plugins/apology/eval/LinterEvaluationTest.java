package dev.ticketflow.plugins.apology.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.plugins.apology.lint.ApologyLinter;
import dev.ticketflow.plugins.apology.lint.LinterRules;
import dev.ticketflow.plugins.apology.lint.LinterRulesLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The evaluation the report prints, as a build gate: every rule at precision 0.9 and recall 0.8
 * or better, and no finding at all on a clean reply, on each split and on all of them together.
 */
class LinterEvaluationTest {

    private static final ApologyLinter LINTER = new ApologyLinter(LinterRulesLoader.defaults());

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "holdout", "dev2", "all", "fresh2", "fresh3"})
    void meetsTheTargets(String split) {
        List<LabelledReply> replies = split.equals("all") ? ReplySet.load() : ReplySet.load(split);
        LinterEvaluation evaluation = LinterEvaluation.of(LINTER, replies);
        LinterEvalReport.print(split, evaluation, true);

        for (String rule : LinterRules.RULE_IDS) {
            assertThat(evaluation.precision(rule)).as(rule + " precision").isGreaterThanOrEqualTo(0.9);
            assertThat(evaluation.recall(rule)).as(rule + " recall").isGreaterThanOrEqualTo(0.8);
        }
        assertThat(evaluation.cleanRepliesFlagged()).as("clean replies with findings").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "holdout", "dev2"})
    void theSetsCoverEveryRuleAndCleanReplies(String split) {
        List<LabelledReply> replies = ReplySet.load(split);

        for (String rule : LinterRules.RULE_IDS) {
            assertThat(replies).filteredOn(r -> r.expected().contains(rule)).as(rule).hasSizeGreaterThanOrEqualTo(3);
        }
        assertThat(replies).filteredOn(r -> r.expected().isEmpty()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(ReplySet.load()).hasSizeGreaterThanOrEqualTo(100);
    }

    @Test
    void theSetWrittenAgainstUnseenPhrasingsHasTwentyRepliesPerRuleAndAboutFortyPercentClean() {
        List<LabelledReply> replies = ReplySet.load("dev2");

        assertThat(replies).hasSizeGreaterThanOrEqualTo(150);
        for (String rule : LinterRules.RULE_IDS) {
            assertThat(replies).filteredOn(r -> r.expected().contains(rule)).as(rule).hasSizeGreaterThanOrEqualTo(20);
        }
        assertThat(replies.stream().filter(r -> r.expected().isEmpty()).count() / (double) replies.size())
                .as("share of clean replies").isBetween(0.35, 0.45);
    }
}
