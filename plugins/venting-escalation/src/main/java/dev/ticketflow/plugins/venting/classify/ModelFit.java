package dev.ticketflow.plugins.venting.classify;

import java.util.ArrayList;
import java.util.List;

/** Fits the {@link SoftmaxRegression} of an {@link ExampleModel} to labelled examples. */
final class ModelFit {

    private final FeatureSpace space;
    private final List<Features> inputs = new ArrayList<>();
    private final List<Integer> labels = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();

    private ModelFit(FeatureSpace space) {
        this.space = space;
    }

    static SoftmaxRegression fit(FeatureSpace space, List<LabelledExample> examples, ExampleModel.FitSettings settings) {
        ModelFit fit = new ModelFit(space);
        for (LabelledExample example : examples) {
            fit.add(example.text(), example.label(), 1);
            if (example.label() != Label.THREAT) {
                fit.addSpans(example, settings.spanWeight());
            }
        }
        return SoftmaxRegression.fit(fit.inputs.toArray(Features[]::new),
                fit.labels.stream().mapToInt(Integer::intValue).toArray(),
                fit.weights.stream().mapToDouble(Double::doubleValue).toArray(), Label.values().length,
                FeatureSpace.BUCKETS, settings.l2(), settings.steps());
    }

    private void add(String text, Label label, double weight) {
        inputs.add(space.of(text));
        labels.add(label.ordinal());
        weights.add(weight);
    }

    /**
     * Teaches the model that the sentences and sentence pairs of a calm or venting message are no
     * threat either: a message is judged by its most threatening span, and without these a lone
     * "I hope you're doing well." reads like the veiled threats it shares words with. The spans
     * of one message share {@code weight} between them (twice, as there are about twice as many
     * spans as sentences).
     */
    private void addSpans(LabelledExample example, double weight) {
        String text = example.text();
        Sentences sentences = Sentences.plain(text);
        int count = sentences.count();
        if (count < 2) {
            return;
        }
        double each = 2 * weight / (2 * count - 1);
        for (int s = 0; s < count; s++) {
            add(text.substring(sentences.start(s), sentences.end(s)), example.label(), each);
            if (s + 1 < count) {
                add(text.substring(sentences.start(s), sentences.end(s + 1)), example.label(), each);
            }
        }
    }
}
