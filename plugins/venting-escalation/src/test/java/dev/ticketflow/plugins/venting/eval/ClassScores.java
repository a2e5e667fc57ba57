package dev.ticketflow.plugins.venting.eval;

/**
 * Precision, recall and F1 of one class.
 *
 * @param truePositives predicted and expected
 * @param falsePositives predicted, not expected
 * @param falseNegatives expected, not predicted
 */
public record ClassScores(int truePositives, int falsePositives, int falseNegatives) {

    /** Of the messages given this class, the share that should have been. 1 when none was given. */
    public double precision() {
        int predicted = truePositives + falsePositives;
        return predicted == 0 ? 1.0 : (double) truePositives / predicted;
    }

    /** Of the messages of this class, the share found. 1 when there were none. */
    public double recall() {
        int expected = truePositives + falseNegatives;
        return expected == 0 ? 1.0 : (double) truePositives / expected;
    }

    /** The harmonic mean of precision and recall. */
    public double f1() {
        double sum = precision() + recall();
        return sum == 0 ? 0 : 2 * precision() * recall() / sum;
    }

    /** How many messages of this class there were. */
    public int support() {
        return truePositives + falseNegatives;
    }
}
