package dev.ticketflow.plugins.venting.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Turns token ids into {@link Features}. Dense part: each token's vector weighted by its inverse
 * document frequency in the labelled examples (so "the" and "please" count for little, "address"
 * and "bullet" for much), summed and scaled to unit length; sums of parts add up to the sum of the
 * whole, so a message's sentences are looked up once. Sparse part: unigrams and bigrams of word
 * pieces hashed into {@value #BUCKETS} buckets, scaled so the sparse part has length
 * {@value #NGRAM_WEIGHT}. Immutable, thread-safe.
 */
final class FeatureSpace {

    /** How many hashed n-gram buckets there are. */
    static final int BUCKETS = 2048;
    /** The length of the sparse part relative to the dense part's 1. */
    static final float NGRAM_WEIGHT = 1.0f;

    private final TokenVectors vectors;
    private final float[] idf;

    private FeatureSpace(TokenVectors vectors, float[] idf) {
        this.vectors = vectors;
        this.idf = idf;
    }

    /**
     * Weights the tokens by how rare they are among the examples' texts.
     *
     * @param vectors the token vectors
     * @param texts the examples' texts
     * @return the feature space
     */
    static FeatureSpace fit(TokenVectors vectors, List<String> texts) {
        int[] documentFrequency = new int[vectors.vocabularySize()];
        for (String text : texts) {
            int[] tokens = vectors.tokens(text);
            Arrays.sort(tokens);
            for (int i = 0; i < tokens.length; i++) {
                if (i == 0 || tokens[i] != tokens[i - 1]) {
                    documentFrequency[tokens[i]]++;
                }
            }
        }
        float[] idf = new float[documentFrequency.length];
        for (int token = 0; token < idf.length; token++) {
            idf[token] = (float) (Math.log((texts.size() + 1.0) / (documentFrequency[token] + 1.0)) + 1);
        }
        return new FeatureSpace(vectors, idf);
    }

    /** Writes the token weights. */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(idf.length);
        for (float weight : idf) {
            out.writeFloat(weight);
        }
    }

    /** Reads token weights {@link #write written} for the same vectors. */
    static FeatureSpace read(DataInputStream in, TokenVectors vectors) throws IOException {
        float[] idf = new float[in.readInt()];
        if (idf.length != vectors.vocabularySize()) {
            throw new IOException("the model was fitted to a vocabulary of " + idf.length + " tokens, not "
                    + vectors.vocabularySize());
        }
        for (int i = 0; i < idf.length; i++) {
            idf[i] = in.readFloat();
        }
        return new FeatureSpace(vectors, idf);
    }

    /** The dimension of the dense part. */
    int dimension() {
        return vectors.dimension();
    }

    /** The tokens of a text. */
    int[] tokens(String text) {
        return vectors.tokens(text);
    }

    /** The IDF-weighted sum of the tokens' vectors, not normalised. */
    float[] weightedSum(int[] tokens) {
        float[] sum = new float[vectors.dimension()];
        for (int token : tokens) {
            vectors.addTo(sum, token, idf[token]);
        }
        return sum;
    }

    /** The features of a text. */
    Features of(String text) {
        int[] tokens = tokens(text);
        return of(weightedSum(tokens), tokens);
    }

    /**
     * The features of a span whose weighted sum is known.
     *
     * @param weightedSum the span's {@link #weightedSum(int[])}
     * @param tokens the span's tokens
     * @return the features
     */
    Features of(float[] weightedSum, int[] tokens) {
        int[] buckets = buckets(tokens);
        return new Features(Vectors.unit(weightedSum), buckets, bucketValue(buckets.length));
    }

    /** The distinct buckets of a span's unigrams and bigrams, ascending. */
    static int[] buckets(int[] tokens) {
        int[] buckets = new int[tokens.length * 2];
        int count = 0;
        for (int i = 0; i < tokens.length; i++) {
            buckets[count++] = bucket(tokens[i], -1);
            if (i + 1 < tokens.length) {
                buckets[count++] = bucket(tokens[i], tokens[i + 1]);
            }
        }
        return distinctSorted(buckets, count);
    }

    /**
     * The buckets of two neighbouring spans together: those of each and the bigram that spans
     * the boundary.
     */
    static int[] union(int[] first, int[] firstTokens, int[] second, int[] secondTokens) {
        int[] all = Arrays.copyOf(first, first.length + second.length + 1);
        System.arraycopy(second, 0, all, first.length, second.length);
        int count = first.length + second.length;
        if (firstTokens.length > 0 && secondTokens.length > 0) {
            all[count++] = bucket(firstTokens[firstTokens.length - 1], secondTokens[0]);
        }
        return distinctSorted(all, count);
    }

    /** The value of each present bucket when {@code count} buckets are present. */
    static float bucketValue(int count) {
        return count == 0 ? 0 : (float) (NGRAM_WEIGHT / Math.sqrt(count));
    }

    private static int[] distinctSorted(int[] values, int count) {
        Arrays.sort(values, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct == 0 || values[i] != values[distinct - 1]) {
                values[distinct++] = values[i];
            }
        }
        return Arrays.copyOf(values, distinct);
    }

    /** A well-mixed hash (the MurmurHash3 finaliser) of a unigram ({@code second} -1) or bigram. */
    private static int bucket(int first, int second) {
        long h = first * 0x9E3779B97F4A7C15L + second;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) Math.floorMod(h, (long) BUCKETS);
    }
}
