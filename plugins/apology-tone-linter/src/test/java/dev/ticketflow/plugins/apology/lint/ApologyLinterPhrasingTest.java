package dev.ticketflow.plugins.apology.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The phrasings a rule should catch whatever the words: the shipped lexicons and patterns at work. */
class ApologyLinterPhrasingTest {

    private static final ApologyLinter LINTER = new ApologyLinter(LinterRulesLoader.defaults());

    private static List<String> rules(String reply, ReplyContext context) {
        return LINTER.lint(reply, context).stream().map(Finding::ruleId).distinct().sorted().toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Sorry, that one's on us. The runner token had expired.|customer_error",
        "Apologies, the blame lies with us here. Force-pushes are blocked on protected branches.|works_as_intended",
        "I'm sorry, our team messed this up. The archive came from a newer version.|customer_error",
        "Sorry for the mix-up on our side. The webhook pointed at http, not https.|customer_error",
        "Please excuse our error. Your phone's clock was six minutes behind.|customer_error",
        "We dropped the ball on this one, sorry. Artifacts expire after 30 days.|works_as_intended",
        "My bad! The variable is named DEPLOY_KEY in settings and DEPLOY_TOKEN in the job.|customer_error",
        "Sorry - we should have made this clearer. Deleted branches are not kept.|works_as_intended",
        "Sorry, our scheduler shouldn't have cancelled your job. It was cancelled because a newer commit arrived.|works_as_intended",
        "Apologies, we broke your release. The tag was protected by one of your own Owners yesterday.|customer_error"
    })
    void anApologyThatAdmitsFaultInOtherWordsIsAGuiltAdmissionAndNothingElse(String reply, String context) {
        assertThat(rules(reply, ReplyContext.ofId(context))).containsExactly("guilt_admission");
    }

    @Test
    void severalApologiesAroundOneAdmissionAreAllTheAdmission() {
        assertThat(rules("I'm so sorry about this. That one is completely on us. Apologies again: the SSH key you"
                + " added belongs to your other account. Sorry!", ReplyContext.CUSTOMER_ERROR))
                .containsExactly("guilt_admission", "over_apology");
    }

    @Test
    void aQuotedMessageWithAnApostropheInsideIsNotTheAgentsApology() {
        assertThat(rules("The 'We're sorry, but that page is missing' screen means the project was renamed; the new"
                + " path is in the project settings.", ReplyContext.UNKNOWN)).isEmpty();
    }

    @Test
    void aDenialOfFaultIsNoAdmission() {
        assertThat(rules("Sorry about that! This isn't a bug or a mistake on our side: the API returns at most"
                + " 100 items per page.", ReplyContext.WORKS_AS_INTENDED)).containsExactly("unnecessary_apology");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "We're sorry, but the delay was caused by a problem at our payment provider.",
        "We apologise; however, our policy is to keep deleted projects for seven days only.",
        "I'm sorry about the lost changes. That said, the editor does warn you before closing.",
        "Sorry for the wait, though to be fair we did announce the maintenance window.",
        "To the extent that anyone was affected by the outage, we apologise.",
        "Should this have affected your builds, we apologise.",
        "We apologise for the disruption to your imports, if any.",
        "I'm sorry you found the new billing page confusing.",
        "I'm sorry if this isn't the answer you were hoping for."
    })
    void aNonApologyIsFoundInItsOtherForms(String reply) {
        assertThat(rules(reply, ReplyContext.UNKNOWN)).containsExactly("non_apology");
    }

    @Test
    void aStockApologyThatTurnsOnAButIsBothScriptedAndANonApology() {
        assertThat(rules("We are sorry for any inconvenience, but this limit applies to all free accounts.",
                ReplyContext.UNKNOWN)).containsExactly("non_apology", "scripted_apology");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I'm sorry the export failed three times, but I've found the cause and fixed it on our side.",
        "Sorry to bother you, but could you attach the runner logs?"
    })
    void aButThatLeadsToAFixOrARequestIsNoNonApology(String reply) {
        assertThat(rules(reply, ReplyContext.UNKNOWN)).doesNotContain("non_apology");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "With my apologies for the extra request, could you also send the config.toml?",
        "Pardon the follow-up! Did the new token solve the 401?",
        "Excuse the interruption: did the import finish on your side?",
        "Forgive the long message, there are three things to cover.",
        "Apologies if you've already tried this, but could you clear the runner cache?"
    })
    void anApologyForARoutineActIsUnnecessary(String reply) {
        assertThat(rules(reply, ReplyContext.UNKNOWN)).containsExactly("unnecessary_apology");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "No need to apologise for the follow-up. The upgrade fixes the cache issue.",
        "You don't have to apologize for asking. Subgroups inherit the parent's members.",
        "Never apologise for asking. Protected tags can only be created by Maintainers.",
        "There is nothing you need to apologise for - the setting is well hidden.",
        "Better safe than sorry: take a backup before the upgrade.",
        "The error 'sorry, you are not allowed to do this' comes from the push rules."
    })
    void aNegatedOrOtherSenseApologyIsNoApology(String reply) {
        assertThat(LINTER.lint(reply, ReplyContext.WORKS_AS_INTENDED)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "We regret any disruption to your workflow. The API is back.",
        "Apologies for any trouble caused. The runners were restarted.",
        "We are sorry for the inconvenience caused. Pages deploys work again.",
        "Sorry for any hassle! Your seats are updated.",
        "We apologise for the disruption this may have caused."
    })
    void aStockApologyInOtherWordsIsScripted(String reply) {
        assertThat(rules(reply, ReplyContext.COMPANY_FAULT)).containsExactly("scripted_apology");
    }

    @Test
    void twoApologiesInAShortReplyAreAnOverApology() {
        assertThat(rules("Sorry for the outage this morning. We apologise for the missed status update too.",
                ReplyContext.COMPANY_FAULT)).containsExactly("over_apology");
    }

    @Test
    void twoSpecificApologiesForTwoFaultsInALongerReplyAreFine() {
        assertThat(LINTER.lint("Two things went wrong on our side. First, I apologize that the migration job deleted"
                + " your pipeline schedules; a bad flag made it move them instead of copying them, and we restored"
                + " all 12 from last night's backup. Second, I'm sorry that nobody answered your first ticket for"
                + " three days: it sat in a queue nobody watches at weekends, and we have closed that gap. Let me"
                + " know if any schedule looks off.", ReplyContext.COMPANY_FAULT)).isEmpty();
    }

    @Test
    void aRepeatedApologyInALongerReplyIsAnOverApology() {
        assertThat(rules("I'm sorry that the pipeline outage on Monday held up your release. A misconfigured"
                + " autoscaling group stopped new runners from starting; we fixed it within two hours and added"
                + " monitoring for runner capacity, so we hear about it before you do. Your pending jobs were"
                + " re-queued automatically and all of them completed. Once again, I'm sorry.",
                ReplyContext.COMPANY_FAULT)).containsExactly("over_apology");
    }
}
