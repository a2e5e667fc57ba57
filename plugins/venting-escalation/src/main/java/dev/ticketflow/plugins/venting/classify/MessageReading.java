package dev.ticketflow.plugins.venting.classify;

/**
 * What an {@link ExampleModel} reads in a message: the label probabilities of the whole message
 * and of its most threatening sentence or pair of neighbouring sentences (a threat split across
 * two). Cheap because the model is linear: each sentence's token vectors are summed once and
 * projected on the three labels' weights once; a pair's or the whole message's dense logits are
 * sums of those, divided by the length of the summed vector (from the sentences' lengths and
 * their neighbours' dot products), and its sparse logits add up the weights of its buckets.
 */
final class MessageReading {

    /**
     * One span of the message and how it reads.
     *
     * @param from where it starts
     * @param to where it ends (exclusive)
     * @param probabilities per label, in {@link Label} order
     * @param sum the span's weighted token-vector sum, to find the nearest examples with
     */
    record Span(int from, int to, double[] probabilities, float[] sum) {

        double of(Label label) {
            return probabilities[label.ordinal()];
        }
    }

    private final Span whole;
    private final Span mostThreatening;

    private MessageReading(Span whole, Span mostThreatening) {
        this.whole = whole;
        this.mostThreatening = mostThreatening;
    }

    /** The whole message. */
    Span whole() {
        return whole;
    }

    /** The span, the whole message included, with the highest threat probability. */
    Span mostThreatening() {
        return mostThreatening;
    }

    static MessageReading of(ExampleModel model, String text) {
        FeatureSpace space = model.space();
        SoftmaxRegression regression = model.regression();
        int labels = regression.labelCount();
        Sentences sentences = Sentences.plain(text);
        int count = sentences.count();
        int[][] tokens = new int[count][];
        int[][] buckets = new int[count][];
        float[][] sums = new float[count][];
        double[] squares = new double[count];
        double[][] projections = new double[count][labels];
        float[] total = new float[space.dimension()];
        int tokenCount = 0;
        for (int s = 0; s < count; s++) {
            tokens[s] = space.tokens(text.substring(sentences.start(s), sentences.end(s)));
            buckets[s] = FeatureSpace.buckets(tokens[s]);
            sums[s] = space.weightedSum(tokens[s]);
            squares[s] = Vectors.dot(sums[s], sums[s]);
            for (int k = 0; k < labels; k++) {
                projections[s][k] = regression.denseProjection(k, sums[s]);
            }
            for (int d = 0; d < total.length; d++) {
                total[d] += sums[s][d];
            }
            tokenCount += tokens[s].length;
        }
        int[] allTokens = new int[tokenCount];
        for (int s = 0, at = 0; s < count; s++) {
            System.arraycopy(tokens[s], 0, allTokens, at, tokens[s].length);
            at += tokens[s].length;
        }
        int[] allBuckets = FeatureSpace.buckets(allTokens);
        double[] totalProjection = new double[labels];
        for (int k = 0; k < labels; k++) {
            totalProjection[k] = regression.denseProjection(k, total);
        }
        Span whole = span(regression, 0, text.length(), totalProjection, Vectors.dot(total, total), allBuckets, total);
        Span best = whole;
        for (int s = 0; count > 1 && s < count; s++) {
            if (tokens[s].length == 0) {
                continue; // nothing to read; the pairs around it are read with their other sentence
            }
            best = moreThreatening(best, span(regression, sentences.start(s), sentences.end(s), projections[s],
                    squares[s], buckets[s], sums[s]));
            if (s + 1 < count && tokens[s + 1].length > 0) {
                double[] projection = new double[labels];
                for (int k = 0; k < labels; k++) {
                    projection[k] = projections[s][k] + projections[s + 1][k];
                }
                double square = squares[s] + squares[s + 1] + 2 * Vectors.dot(sums[s], sums[s + 1]);
                Span pair = span(regression, sentences.start(s), sentences.end(s + 1), projection, square,
                        FeatureSpace.union(buckets[s], tokens[s], buckets[s + 1], tokens[s + 1]), null);
                if (pair.of(Label.THREAT) > best.of(Label.THREAT)) {
                    float[] sum = sums[s].clone();
                    for (int d = 0; d < sum.length; d++) {
                        sum[d] += sums[s + 1][d];
                    }
                    best = new Span(pair.from(), pair.to(), pair.probabilities(), sum);
                }
            }
        }
        return new MessageReading(whole, best);
    }

    private static Span moreThreatening(Span current, Span candidate) {
        return candidate.of(Label.THREAT) > current.of(Label.THREAT) ? candidate : current;
    }

    private static Span span(SoftmaxRegression regression, int from, int to, double[] projection, double square,
            int[] buckets, float[] sum) {
        double norm = Math.sqrt(square);
        float bucketValue = FeatureSpace.bucketValue(buckets.length);
        double[] probabilities = new double[projection.length];
        for (int k = 0; k < probabilities.length; k++) {
            probabilities[k] = (norm == 0 ? 0 : projection[k] / norm)
                    + regression.sparseLogitAndBias(k, buckets, bucketValue);
        }
        SoftmaxRegression.normalise(probabilities);
        return new Span(from, to, probabilities, sum);
    }
}
