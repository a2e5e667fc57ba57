package dev.ticketflow.plugins.venting.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Multinomial logistic regression over {@link Features}: per label one weight for each dense
 * dimension, one for each n-gram bucket, and a bias; fitted to labelled examples by full-batch
 * Adam on the cross-entropy with an L2 penalty (the bias is not penalised). Small enough to fit
 * in about a second when the plugin starts, so the model always matches the examples it ships
 * with; deterministic (zero start, fixed steps). Immutable once fitted, thread-safe.
 */
final class SoftmaxRegression {

    private static final double LEARNING_RATE = 0.05;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double[][] coefficients; // [label][dense..., buckets..., bias]
    private final int dense;

    private SoftmaxRegression(double[][] coefficients, int dense) {
        this.coefficients = coefficients;
        this.dense = dense;
    }

    /**
     * Fits the model.
     *
     * @param inputs the examples' features, all with dense parts of one length
     * @param labels the label index of each example, 0 to {@code labelCount - 1}
     * @param weights how much each example counts
     * @param labelCount how many labels there are
     * @param buckets how many n-gram buckets the features use
     * @param l2 the weight of the L2 penalty
     * @param steps how many gradient steps to take
     * @return the fitted model
     */
    static SoftmaxRegression fit(Features[] inputs, int[] labels, double[] weights, int labelCount, int buckets,
            double l2, int steps) {
        double totalWeight = 0;
        for (double weight : weights) {
            totalWeight += weight;
        }
        int dense = inputs[0].dense().length;
        int width = dense + buckets + 1;
        int bias = width - 1;
        double[][] w = new double[labelCount][width];
        double[][] m = new double[labelCount][width];
        double[][] v = new double[labelCount][width];
        double[] probabilities = new double[labelCount];
        for (int step = 1; step <= steps; step++) {
            double[][] gradient = new double[labelCount][width];
            for (int i = 0; i < inputs.length; i++) {
                Features x = inputs[i];
                softmax(w, dense, x, probabilities);
                for (int k = 0; k < labelCount; k++) {
                    double error = (probabilities[k] - (labels[i] == k ? 1 : 0)) * weights[i] / totalWeight;
                    double[] g = gradient[k];
                    for (int d = 0; d < dense; d++) {
                        g[d] += error * x.dense()[d];
                    }
                    for (int b : x.buckets()) {
                        g[dense + b] += error * x.bucketValue();
                    }
                    g[bias] += error;
                }
            }
            double correction1 = 1 - Math.pow(BETA1, step);
            double correction2 = 1 - Math.pow(BETA2, step);
            for (int k = 0; k < labelCount; k++) {
                for (int d = 0; d < width; d++) {
                    double g = gradient[k][d] + (d < bias ? 2 * l2 * w[k][d] : 0);
                    m[k][d] = BETA1 * m[k][d] + (1 - BETA1) * g;
                    v[k][d] = BETA2 * v[k][d] + (1 - BETA2) * g * g;
                    w[k][d] -= LEARNING_RATE * (m[k][d] / correction1) / (Math.sqrt(v[k][d] / correction2) + EPSILON);
                }
            }
        }
        return new SoftmaxRegression(w, dense);
    }

    /** Writes the coefficients. */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(coefficients.length);
        out.writeInt(dense);
        out.writeInt(coefficients[0].length);
        for (double[] row : coefficients) {
            for (double value : row) {
                out.writeDouble(value);
            }
        }
    }

    /** Reads coefficients {@link #write written} before. */
    static SoftmaxRegression read(DataInputStream in) throws IOException {
        int labels = in.readInt();
        int dense = in.readInt();
        double[][] coefficients = new double[labels][in.readInt()];
        for (double[] row : coefficients) {
            for (int i = 0; i < row.length; i++) {
                row[i] = in.readDouble();
            }
        }
        return new SoftmaxRegression(coefficients, dense);
    }

    /** How many labels there are. */
    int labelCount() {
        return coefficients.length;
    }

    /** The dense weights of a label times a vector: a span's dense logit, before scaling to unit length. */
    double denseProjection(int label, float[] vector) {
        double[] row = coefficients[label];
        double sum = 0;
        for (int d = 0; d < dense; d++) {
            sum += row[d] * vector[d];
        }
        return sum;
    }

    /** The sum of a label's weights of some buckets, and its bias. */
    double sparseLogitAndBias(int label, int[] buckets, float bucketValue) {
        double[] row = coefficients[label];
        double sum = row[row.length - 1];
        for (int b : buckets) {
            sum += row[dense + b] * bucketValue;
        }
        return sum;
    }

    /**
     * The probability of each label for one span's features.
     *
     * @param input the features
     * @return one probability per label, summing to 1
     */
    double[] probabilities(Features input) {
        double[] result = new double[coefficients.length];
        softmax(coefficients, dense, input, result);
        return result;
    }

    private static void softmax(double[][] w, int dense, Features x, double[] out) {
        for (int k = 0; k < w.length; k++) {
            double[] wk = w[k];
            double z = wk[wk.length - 1];
            for (int d = 0; d < dense; d++) {
                z += wk[d] * x.dense()[d];
            }
            for (int b : x.buckets()) {
                z += wk[dense + b] * x.bucketValue();
            }
            out[k] = z;
        }
        normalise(out);
    }

    /** Turns logits into probabilities, in place (shifted by their maximum, so exp cannot overflow). */
    static void normalise(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit);
        }
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            logits[k] = Math.exp(logits[k] - max);
            sum += logits[k];
        }
        for (int k = 0; k < logits.length; k++) {
            logits[k] /= sum;
        }
    }
}
