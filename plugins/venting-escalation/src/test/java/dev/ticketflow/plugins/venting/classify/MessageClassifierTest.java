package dev.ticketflow.plugins.venting.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageClassifierTest {

    private static final MessageClassifier CLASSIFIER = new MessageClassifier(RuleBookLoader.defaults());

    private static Label label(String text) {
        return CLASSIFIER.classify(text).label();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "How do I kill the process that holds the runner lock?",
        "The job was OOM killed (exit code 137) halfway through the build.",
        "Is there an API to kill a running pipeline when a newer commit arrives?",
        "An attacker could steal session cookies through the wiki preview; report attached.",
        "Please cancel our subscription at the end of the term, we are consolidating tools.",
        "Our legal team needs a signed DPA before we renew. Who should our counsel contact?",
        "I saw your talk at KubeCon, could you share the slides?",
        "I hope you and your family are safe after the storms!",
        "Could you shoot me an email when the fix is released?",
        "Can I get a direct phone number for support? We have phone support on our plan.",
        "This deadlock is killing our throughput. Is cache key locking documented?",
        "The runner dies with exit code 137 whenever the tests hit the database."
    })
    void technicalAndFriendlyMessagesAreNormal(String text) {
        assertThat(label(text)).isEqualTo(Label.NORMAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I'll kill this pipeline with fire if it fails one more time.",
        "This bug is murdering me. Six rewrites of the include block and it still fails.",
        "Every time the IDE freezes I want to smash my keyboard. Lost my changes twice today.",
        "If this isn't fixed by Friday we are cancelling all 120 seats.",
        "I have forwarded this thread to our lawyers.",
        "Oh great, another 'we are looking into it'. Thanks for nothing.",
        "WHY IS THE PIPELINE STILL FAILING??? NOBODY HAS ANSWERED.",
        "this shit is broken again. fix it",
        "Your support team is useless. Every reply is a link to docs I already read.",
        "Would it kill you to read the ticket before answering? Absolutely ridiculous."
    })
    void frustrationFigurativeViolenceAndCancellationThreatsAreVenting(String text) {
        assertThat(label(text)).isEqualTo(Label.VENTING);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // violence, in lower case and without punctuation
        "im going to kill you if you close this ticket again",
        // polite and veiled, no violent word at all
        "With respect, it would be a shame if something happened to your kids on their way to school.",
        "I know where you live.",
        "Nice car you have in the lot, by the way.",
        // split across sentences
        "I have your home address. See you soon.",
        "You have a son. He's what, eight? Answer my ticket.",
        // abuse and harassment without violence
        "Listen you stupid bitch, turn the runners back on.",
        "I'll make sure you lose your job over this.",
        // sexual harassment
        "You've been so helpful. Are you single? Give me your personal number.",
        // doxxing
        "I'll post your home address and phone number on Twitter.",
        "I know the building you work in. Big glass one on Market Street."
    })
    void threatsAreNeverMissed(String text) {
        assertThat(label(text)).isEqualTo(Label.THREAT);
    }

    @Test
    void aThreatOutweighsVenting() {
        Classification result = CLASSIFIER.classify("This is the WORST service ever!!! I know where you live.");

        assertThat(result.label()).isEqualTo(Label.THREAT);
        assertThat(result.signalsFor(Label.VENTING)).isNotEmpty();
        assertThat(result.signalsFor(Label.THREAT)).isNotEmpty();
    }

    @Test
    void signalsPointAtTheTextAsWrittenThroughLeetspeakAndStretching() {
        String text = "Seriously, I will K1LL you. This is sooooo fuuuucking bad";
        Classification result = CLASSIFIER.classify(text);

        Signal threat = result.signalsFor(Label.THREAT).get(0);
        assertThat(threat.ruleId()).isEqualTo("threat.harm_to_person");
        assertThat(text.substring(threat.start(), threat.end())).isEqualTo(threat.text()).startsWith("K1LL");
        assertThat(result.signals()).anyMatch(s -> s.ruleId().equals("venting.profanity")
                && s.text().equals("fuuuucking"));
    }

    @Test
    void aStaffNameCountsAsAPersonOnlyWhenGiven() {
        assertThat(CLASSIFIER.classify("I am going to hurt Dana.").label()).isEqualTo(Label.NORMAL);
        Classification named = CLASSIFIER.classify("I am going to hurt Dana.", List.of("Dana"));

        assertThat(named.label()).isEqualTo(Label.THREAT);
        assertThat(named.signalsFor(Label.THREAT).get(0).text()).isEqualTo("hurt Dana");
    }

    @Test
    void aPlainMessageHasNoSignals() {
        Classification result = CLASSIFIER.classify("Could you extend our trial by a week?");

        assertThat(result.label()).isEqualTo(Label.NORMAL);
        assertThat(result.signals()).isEmpty();
        assertThat(result.ventingScore()).isZero();
    }

    @Test
    void aLongRunOfPunctuationStaysFast() {
        String text = "!".repeat(20_000) + " fix it";
        long start = System.nanoTime();

        CLASSIFIER.classify(text);

        assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(2_000);
    }
}
