package dev.ticketflow.plugins.venting.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ExampleModelTest {

    private static List<LabelledExample> examples() {
        List<LabelledExample> examples = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            examples.add(new LabelledExample("n" + i, Label.NORMAL, "calm fine"));
            examples.add(new LabelledExample("v" + i, Label.VENTING, "angry"));
            examples.add(new LabelledExample("t" + i, Label.THREAT, "menacing"));
        }
        return examples;
    }

    private static byte[] written(ExampleModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        return bytes.toByteArray();
    }

    @Test
    void givesEachLabelItsProbability() {
        double[] probabilities = EmbeddingRaiserTest.model().probabilities("menacing");

        assertThat(probabilities[Label.THREAT.ordinal()]).isGreaterThan(0.9);
        assertThat(probabilities[0] + probabilities[1] + probabilities[2]).isCloseTo(1.0, Offset.offset(1e-9));
    }

    @Test
    void readsBackWhatItWroteWithTheSameProbabilities() throws IOException {
        ExampleModel fitted = ExampleModel.fit(EmbeddingRaiserTest.VECTORS, examples(), EmbeddingRaiserTest.FIT);

        ExampleModel read = ExampleModel.read(new ByteArrayInputStream(written(fitted)), EmbeddingRaiserTest.VECTORS,
                examples(), EmbeddingRaiserTest.FIT);

        assertThat(read.probabilities("angry calm")).containsExactly(fitted.probabilities("angry calm"));
        assertThat(read.exampleCount()).isEqualTo(9);
    }

    @Test
    void refusesAModelFittedToOtherExamples() throws IOException {
        byte[] model = written(ExampleModel.fit(EmbeddingRaiserTest.VECTORS, examples(), EmbeddingRaiserTest.FIT));
        List<LabelledExample> changed = new ArrayList<>(examples());
        changed.add(new LabelledExample("t9", Label.THREAT, "menacing calm"));

        assertThatThrownBy(() -> ExampleModel.read(new ByteArrayInputStream(model), EmbeddingRaiserTest.VECTORS,
                changed, EmbeddingRaiserTest.FIT)).isInstanceOf(IOException.class).hasMessageContaining("rebuild");
    }

    @Test
    void thePackagedModelWasFittedToTheShippedExamples() {
        ExampleModel packaged = ExampleModel.packaged();

        assertThat(packaged.exampleCount()).isEqualTo(LabelledExample.defaults().size());
        assertThat(packaged.probabilities("I know where you live and I will find you.")[Label.THREAT.ordinal()])
                .isGreaterThan(0.5);
    }
}
