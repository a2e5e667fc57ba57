package dev.ticketflow.plugins.apology.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApologyLinterTest {

    private static final ApologyLinter LINTER = new ApologyLinter(LinterRulesLoader.defaults());

    private static List<String> rules(String reply, ReplyContext context) {
        return LINTER.lint(reply, context).stream().map(Finding::ruleId).distinct().toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "I'm sorry that you're having trouble with the registry. Which version do you run?|unknown|scripted_apology",
        "We apologize for any inconvenience this may have caused.|unknown|scripted_apology",
        "Sorry to hear that! Let me check.|unknown|scripted_apology",
        "I'm sorry you feel that way.|unknown|non_apology",
        "I'm sorry if my last reply was unclear.|unknown|non_apology",
        "Sorry, but we cannot restore a project deleted 30 days ago.|customer_error|non_apology",
        "Sorry, that was our mistake. The variable name was misspelled in your file.|customer_error|guilt_admission",
        "Apologies for the bug; approvals reset on new commits, which is how it is meant to work.|works_as_intended|guilt_admission",
        "Sorry about that. Forks do not inherit CI variables, by design.|works_as_intended|unnecessary_apology",
        "Sorry to bother you, could you attach the runner logs?|unknown|unnecessary_apology",
        "Apologies for the follow-up! Did the new token work?|unknown|unnecessary_apology"
    })
    void flagsEachKindOfApology(String reply, String context, String rule) {
        assertThat(rules(reply, ReplyContext.ofId(context))).containsExactly(rule);
    }

    @Test
    void threeApologiesInOneReplyAreTooMany() {
        List<Finding> findings = LINTER.lint("I'm so sorry for the wait. Our apologies for the outage. Sorry!",
                ReplyContext.COMPANY_FAULT);

        assertThat(findings).extracting(Finding::ruleId).containsExactly("over_apology");
        Finding over = findings.get(0);
        assertThat(over.start()).as("the span starts at the first apology word").isEqualTo(7);
        assertThat(over.text()).startsWith("sorry").endsWith("Sorry");
        assertThat(over.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void aSincereSpecificApologyForAnOutageIsNeverFlagged() {
        assertThat(LINTER.lint("I'm sorry that yesterday's runner outage blocked your release. A bad config push"
                + " on our side caused it; we rolled it back and added a check.", ReplyContext.COMPANY_FAULT)).isEmpty();
        assertThat(LINTER.lint("This one is on us: the certificate expired because our renewal job failed."
                + " I'm sorry; it is renewed and alerting is in place.", ReplyContext.COMPANY_FAULT)).isEmpty();
    }

    @Test
    void aReplyWithoutAnApologyIsNeverFlagged() {
        assertThat(LINTER.lint("That is expected: protected environments are a Premium feature.",
                ReplyContext.WORKS_AS_INTENDED)).isEmpty();
    }

    @Test
    void quotedCodeAndNoNeedToApologizeAreNotTheAgentsApologies() {
        assertThat(LINTER.lint("""
                No need to apologize for the wrong attachment!
                > Sorry for the late reply, I'm sorry, so sorry
                You wrote "sorry for all the questions" - keep them coming. Run `sorry --fix` if you like.
                """, ReplyContext.UNKNOWN)).isEmpty();
    }

    @Test
    void aFindingNamesItsSpanHintAndSeverity() {
        String reply = "Thanks for the logs. I'm sorry if this caused any problems on your end.";
        Finding finding = LINTER.lint(reply, ReplyContext.UNKNOWN).get(0);

        assertThat(finding.ruleId()).isEqualTo("non_apology");
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(reply.substring(finding.start(), finding.end())).isEqualTo(finding.text());
        assertThat(finding.text()).startsWith("sorry if this caused").endsWith("end.");
        assertThat(finding.hint()).isNotBlank();
    }

    @Test
    void guiltIsNotJudgedWhenTheContextIsUnknown() {
        assertThat(rules("Sorry, that was our mistake; the job now passes.", ReplyContext.UNKNOWN)).isEmpty();
    }
}
