package dev.ticketflow.plugins.venting.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled examples as unit vectors, and how close a new message comes to each label: the
 * mean cosine similarity of the label's k nearest examples. A mean over several neighbours, not
 * the single nearest one, so that one odd example cannot decide alone. Thread-safe.
 */
public final class NearestExamples {

    private final List<LabelledExample> examples;
    private final float[][] vectors;
    private final int k;

    private NearestExamples(List<LabelledExample> examples, float[][] vectors, int k) {
        this.examples = examples;
        this.vectors = vectors;
        this.k = k;
    }

    /**
     * Embeds the examples (once, off the event loop).
     *
     * @param embedder turns a text into a vector
     * @param examples the labelled examples
     * @param k how many nearest examples of a label are averaged
     * @return the index
     */
    public static NearestExamples embed(SentenceEmbedder embedder, List<LabelledExample> examples, int k) {
        float[][] vectors = new float[examples.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = Vectors.unit(embedder.embed(examples.get(i).text()));
        }
        return new NearestExamples(List.copyOf(examples), vectors, k);
    }

    /** How many examples there are. */
    public int size() {
        return examples.size();
    }

    /**
     * How close a message comes to each label.
     *
     * @param embedding the message's embedding
     * @return per label, the mean similarity of its k nearest examples and their ids
     */
    public Neighbours near(float[] embedding) {
        float[] query = Vectors.unit(embedding);
        Map<Label, List<Scored>> byLabel = new EnumMap<>(Label.class);
        for (int i = 0; i < vectors.length; i++) {
            byLabel.computeIfAbsent(examples.get(i).label(), key -> new ArrayList<>())
                    .add(new Scored(examples.get(i).id(), Vectors.dot(query, vectors[i])));
        }
        Map<Label, Double> similarity = new EnumMap<>(Label.class);
        Map<Label, List<String>> nearest = new EnumMap<>(Label.class);
        for (Label label : Label.values()) {
            List<Scored> top = byLabel.getOrDefault(label, List.of()).stream()
                    .sorted(Comparator.comparingDouble(Scored::similarity).reversed()).limit(k).toList();
            similarity.put(label, top.stream().mapToDouble(Scored::similarity).average().orElse(0));
            nearest.put(label, top.stream().map(Scored::id).toList());
        }
        return new Neighbours(similarity, nearest);
    }

    /**
     * How close a message came to each label.
     *
     * @param similarity per label, the mean cosine similarity of its nearest examples
     * @param nearest per label, the ids of those examples, nearest first
     */
    public record Neighbours(Map<Label, Double> similarity, Map<Label, List<String>> nearest) {

        /** The mean similarity to one label's nearest examples. */
        public double of(Label label) {
            return similarity.get(label);
        }
    }

    private record Scored(String id, double similarity) {}
}
