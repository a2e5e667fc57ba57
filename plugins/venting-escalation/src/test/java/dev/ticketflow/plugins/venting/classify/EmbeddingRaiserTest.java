package dev.ticketflow.plugins.venting.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The raise-only combination of the rules and a sentence encoder, with a fake encoder whose
 * vectors are written by hand so that every similarity is known.
 */
class EmbeddingRaiserTest {

    /** Texts embed to fixed directions: normal along x, venting along y, threat along z. */
    private static final Map<String, float[]> VECTORS = Map.of(
            "calm", new float[] {1, 0, 0},
            "angry", new float[] {0, 1, 0},
            "menacing", new float[] {0, 0, 1},
            "between", new float[] {0, 1, 1},
            "slightly angry", new float[] {1, 0.2f, 0});

    private final AtomicInteger embedded = new AtomicInteger();
    private final SentenceEmbedder fake = text -> {
        embedded.incrementAndGet();
        return VECTORS.get(text.replaceAll("\\d", "").trim());
    };

    private EmbeddingRaiser raiser() {
        List<LabelledExample> examples = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            examples.add(new LabelledExample("n" + i, Label.NORMAL, "calm " + i));
            examples.add(new LabelledExample("v" + i, Label.VENTING, "angry " + i));
            examples.add(new LabelledExample("t" + i, Label.THREAT, "menacing " + i));
        }
        return new EmbeddingRaiser(fake, NearestExamples.embed(fake, examples, 2),
                new EmbeddingRaiser.Thresholds(2, 0.5, 0.1, 0.5, 0.1));
    }

    private static Classification rules(Label label) {
        return new Classification(label, List.of(), 0, 0);
    }

    @Test
    void aMessageTheRulesCallNormalButThatSitsAmongTheThreatExamplesBecomesAThreat() {
        Classification result = raiser().raise("menacing", rules(Label.NORMAL));

        assertThat(result.label()).isEqualTo(Label.THREAT);
        Signal signal = result.signals().get(0);
        assertThat(signal.ruleId()).isEqualTo(EmbeddingRaiser.THREAT_RULE);
        assertThat(signal.label()).isEqualTo(Label.THREAT);
        assertThat(signal.text()).contains("1.000").contains("t0");
        assertThat(signal.end()).isEqualTo("menacing".length());
    }

    @Test
    void aMessageAsCloseToVentingAsToThreatKeepsTheRulesLabel() {
        Classification result = raiser().raise("between", rules(Label.VENTING));

        assertThat(result.label()).isEqualTo(Label.VENTING);
        assertThat(result.signals()).isEmpty();
    }

    @Test
    void aThreatFoundByTheRulesIsLeftAloneWithoutRunningTheEncoder() {
        EmbeddingRaiser raiser = raiser();
        int before = embedded.get();

        Classification result = raiser.raise("calm", rules(Label.THREAT));

        assertThat(result.label()).isEqualTo(Label.THREAT);
        assertThat(embedded.get()).isEqualTo(before);
    }

    @Test
    void ventingByTheRulesIsNeverLoweredEvenWhenTheMessageLooksCalm() {
        assertThat(raiser().raise("calm", rules(Label.VENTING)).label()).isEqualTo(Label.VENTING);
    }

    @Test
    void aNormalMessageAmongTheVentingExamplesBecomesVentingAndSaysWhy() {
        Classification result = raiser().raise("angry", rules(Label.NORMAL));

        assertThat(result.label()).isEqualTo(Label.VENTING);
        assertThat(MessageClassifier.ruleIds(result.signals())).containsExactly(EmbeddingRaiser.VENTING_RULE);
    }

    @Test
    void aNormalMessageOnlyALittleCloserToVentingStaysNormal() {
        assertThat(raiser().raise("slightly angry", rules(Label.NORMAL)).label()).isEqualTo(Label.NORMAL);
    }

    @Test
    void theShippedExamplesHaveEveryLabelAndUniqueIds() {
        List<LabelledExample> examples = LabelledExample.defaults();

        for (Label label : Label.values()) {
            assertThat(examples).filteredOn(e -> e.label() == label).hasSizeGreaterThanOrEqualTo(50);
        }
        assertThat(examples.stream().map(LabelledExample::id).distinct().count()).isEqualTo(examples.size());
    }
}
