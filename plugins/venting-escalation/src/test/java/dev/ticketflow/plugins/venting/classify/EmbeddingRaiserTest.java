package dev.ticketflow.plugins.venting.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The raise-only combination of the rules and the example-trained model, over token vectors
 * written by hand: calm words point along x, angry ones along y, menacing ones along z.
 */
class EmbeddingRaiserTest {

    static final TokenVectors VECTORS = TinyVectors.of(Map.of(
            "calm", new float[] {1, 0, 0},
            "fine", new float[] {0.9f, 0.1f, 0},
            "angry", new float[] {0, 1, 0},
            "menacing", new float[] {0, 0, 1},
            ".", new float[] {0.3f, 0.3f, 0.3f}));

    static final ExampleModel.FitSettings FIT = new ExampleModel.FitSettings(0, 1e-4, 300);

    private static final EmbeddingRaiser RAISER = new EmbeddingRaiser(model(),
            new EmbeddingRaiser.Thresholds(0.6, 0, 0.6));

    static ExampleModel model() {
        List<LabelledExample> examples = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            examples.add(new LabelledExample("n" + i, Label.NORMAL, i % 2 == 0 ? "calm." : "fine calm."));
            examples.add(new LabelledExample("v" + i, Label.VENTING, "angry."));
            examples.add(new LabelledExample("t" + i, Label.THREAT, "menacing."));
        }
        return ExampleModel.fit(VECTORS, examples, FIT);
    }

    private static Classification rules(Label label) {
        return new Classification(label, List.of(), 0, 0);
    }

    @Test
    void aMessageTheRulesCallNormalButThatReadsAsTheThreatExamplesBecomesAThreat() {
        Classification result = RAISER.raise("menacing", rules(Label.NORMAL));

        assertThat(result.label()).isEqualTo(Label.THREAT);
        Signal signal = result.signals().get(0);
        assertThat(signal.ruleId()).isEqualTo(EmbeddingRaiser.THREAT_RULE);
        assertThat(signal.label()).isEqualTo(Label.THREAT);
        assertThat(signal.text()).startsWith("menacing (reads as threat, probability ").contains("t0");
        assertThat(signal.end()).isEqualTo("menacing".length());
    }

    @Test
    void aThreatInOneSentenceOfACalmMessageIsFoundAndPointedAt() {
        String text = "calm calm calm. fine fine calm. menacing. calm fine calm.";

        Classification result = RAISER.raise(text, rules(Label.NORMAL));

        assertThat(result.label()).isEqualTo(Label.THREAT);
        Signal signal = result.signals().get(0);
        assertThat(text.substring(signal.start(), signal.end())).contains("menacing").doesNotStartWith("calm calm calm");
    }

    @Test
    void aThreatFoundByTheRulesIsLeftAsItIs() {
        Classification byRules = rules(Label.THREAT);

        assertThat(RAISER.raise("calm", byRules)).isSameAs(byRules);
    }

    @Test
    void ventingByTheRulesIsNeverLoweredEvenWhenTheMessageLooksCalm() {
        assertThat(RAISER.raise("calm", rules(Label.VENTING)).label()).isEqualTo(Label.VENTING);
    }

    @Test
    void aNormalMessageThatReadsAsTheVentingExamplesBecomesVentingAndSaysWhy() {
        Classification result = RAISER.raise("angry", rules(Label.NORMAL));

        assertThat(result.label()).isEqualTo(Label.VENTING);
        assertThat(MessageClassifier.ruleIds(result.signals())).containsExactly(EmbeddingRaiser.VENTING_RULE);
    }

    @Test
    void aCalmMessageStaysNormalWithoutSignals() {
        Classification result = RAISER.raise("calm fine. calm", rules(Label.NORMAL));

        assertThat(result.label()).isEqualTo(Label.NORMAL);
        assertThat(result.signals()).isEmpty();
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
