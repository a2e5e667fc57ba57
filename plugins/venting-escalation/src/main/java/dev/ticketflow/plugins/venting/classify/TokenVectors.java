package dev.ticketflow.plugins.venting.classify;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentence embeddings from the MiniLM encoder distilled into one vector per token (built with
 * the plugin from the model, see {@code src/build/TokenVectorsGenerator.java}): a text's
 * embedding is the mean of its tokens' vectors. Static vectors lose word order and context, but
 * keep what the encoder learnt of word meaning ("bullet" near "gun", "address" near "street")
 * at a cost of microseconds a sentence instead of milliseconds. The build keeps the vectors'
 * 256 principal components, as model2vec does. Immutable, thread-safe.
 */
public final class TokenVectors {

    /** The resource the build writes the vectors to. */
    public static final String RESOURCE = "minilm-token-vectors.bin";

    private static final int MAGIC = 0x54465456;
    /** Version 2: projected on the principal components. */
    private static final int VERSION = 2;

    private final WordPieceTokenizer tokenizer;
    private final float[] vectors;
    private final int dimension;

    private TokenVectors(List<String> vocabulary, float[] vectors, int dimension) {
        this.tokenizer = new WordPieceTokenizer(vocabulary);
        this.vectors = vectors;
        this.dimension = dimension;
    }

    /**
     * Reads the vectors the build packaged with the plugin (8 MB).
     *
     * @return the vectors
     * @throws IllegalStateException if the resource is missing (a build that skipped generating it)
     */
    public static TokenVectors packaged() {
        try (InputStream in = TokenVectors.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the plugin; the build generates it"
                        + " in process-classes (mvn package)");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TokenVectors read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException(RESOURCE + " is not a version " + VERSION + " token vectors file");
        }
        int count = in.readInt();
        int dimension = in.readInt();
        List<String> vocabulary = new ArrayList<>(count);
        float[] vectors = new float[count * dimension];
        byte[] row = new byte[dimension];
        for (int t = 0; t < count; t++) {
            vocabulary.add(in.readUTF());
            float scale = in.readFloat();
            in.readFully(row);
            for (int d = 0; d < dimension; d++) {
                vectors[t * dimension + d] = row[d] * scale;
            }
        }
        return new TokenVectors(vocabulary, vectors, dimension);
    }

    /** The length of every token vector. */
    public int dimension() {
        return dimension;
    }

    /** How many tokens the vocabulary has: token ids run from 0 to this, exclusive. */
    int vocabularySize() {
        return vectors.length / dimension;
    }

    /** The WordPiece token ids of a text, in order. */
    int[] tokens(String text) {
        IntList ids = new IntList();
        tokenizer.tokenize(text, ids::add);
        return ids.toArray();
    }

    /** Adds a token's vector, times a weight, to a sum. */
    void addTo(float[] sum, int token, float weight) {
        int offset = token * dimension;
        for (int d = 0; d < dimension; d++) {
            sum[d] += weight * vectors[offset + d];
        }
    }

    /** A growable list of ints, so that token ids are not boxed. */
    private static final class IntList {
        private int[] values = new int[64];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
