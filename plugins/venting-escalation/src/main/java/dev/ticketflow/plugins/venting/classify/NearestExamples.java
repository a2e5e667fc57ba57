package dev.ticketflow.plugins.venting.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The labelled examples as unit vectors, to name the ones of a label nearest a text: the
 * evidence a raise shows. Only the examples of the one label asked for are compared, in one
 * flat array, keeping the k best as it goes. Thread-safe.
 */
final class NearestExamples {

    private final List<LabelledExample> examples;
    private final float[] vectors; // example i at [i * dimension, (i + 1) * dimension)
    private final int dimension;
    private final int k;

    private NearestExamples(List<LabelledExample> examples, float[] vectors, int dimension, int k) {
        this.examples = examples;
        this.vectors = vectors;
        this.dimension = dimension;
        this.k = k;
    }

    /**
     * Embeds the examples (once, off the event loop).
     *
     * @param embedder turns a text into a vector
     * @param examples the labelled examples
     * @param k how many nearest examples to name
     * @return the index
     */
    static NearestExamples embed(Function<String, float[]> embedder, List<LabelledExample> examples, int k) {
        List<float[]> units = examples.stream().map(example -> Vectors.unit(embedder.apply(example.text()))).toList();
        int dimension = units.isEmpty() ? 0 : units.get(0).length;
        float[] vectors = new float[units.size() * dimension];
        for (int i = 0; i < units.size(); i++) {
            System.arraycopy(units.get(i), 0, vectors, i * dimension, dimension);
        }
        return new NearestExamples(List.copyOf(examples), vectors, dimension, k);
    }

    /** How many examples there are. */
    int size() {
        return examples.size();
    }

    /**
     * The ids of the k examples of a label most similar (by cosine) to a vector, nearest first.
     *
     * @param vector the vector, any length
     * @param label the label
     * @return the ids
     */
    List<String> nearest(float[] vector, Label label) {
        int[] best = new int[k];
        double[] similarity = new double[k];
        Arrays.fill(similarity, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < examples.size(); i++) {
            if (examples.get(i).label() != label) {
                continue;
            }
            double dot = Vectors.dot(vector, vectors, i * dimension, dimension);
            // the vector's length scales every similarity alike: no need to normalise it
            for (int slot = 0; slot < k; slot++) {
                if (dot > similarity[slot]) {
                    System.arraycopy(similarity, slot, similarity, slot + 1, k - slot - 1);
                    System.arraycopy(best, slot, best, slot + 1, k - slot - 1);
                    similarity[slot] = dot;
                    best[slot] = i;
                    break;
                }
            }
        }
        List<String> ids = new ArrayList<>();
        for (int slot = 0; slot < k && similarity[slot] > Double.NEGATIVE_INFINITY; slot++) {
            ids.add(examples.get(best[slot]).id());
        }
        return ids;
    }
}
