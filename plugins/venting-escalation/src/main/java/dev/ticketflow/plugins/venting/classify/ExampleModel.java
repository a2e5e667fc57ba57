package dev.ticketflow.plugins.venting.classify;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A model of the team's labelled examples: token weights and a {@link SoftmaxRegression} over
 * {@link Features}, which give each label's probability for any span of text, and the examples
 * themselves, to name the nearest ones as evidence. Fitting takes seconds, so the build fits the
 * shipped examples once ({@code src/build/VentingModelGenerator.java}) and the plugin reads the
 * result; the file carries a fingerprint of the examples and settings it was fitted to, and is
 * refused when they changed. Immutable, thread-safe.
 */
public final class ExampleModel {

    /** The resource the build writes the fitted model to. */
    public static final String RESOURCE = "venting-model.bin";

    private static final int MAGIC = 0x5446564d; // "TFVM"
    private static final int NEAREST = 3;

    /**
     * How the model is fitted.
     *
     * @param spanWeight how much the sentences and sentence pairs of a calm or venting example
     *     count, together, as examples of their own (an example counts 1)
     * @param l2 the L2 penalty
     * @param steps the gradient steps
     */
    public record FitSettings(double spanWeight, double l2, int steps) {

        /** The settings chosen on the holdout and the fresh splits. */
        public static final FitSettings DEFAULTS = new FitSettings(0.3, 1e-4, 300);
    }

    private final FeatureSpace space;
    private final SoftmaxRegression regression;
    private final NearestExamples nearest;
    private final long fingerprint;

    private ExampleModel(FeatureSpace space, SoftmaxRegression regression, List<LabelledExample> examples,
            long fingerprint) {
        this.space = space;
        this.regression = regression;
        this.nearest = NearestExamples.embed(text -> space.of(text).dense(), examples, NEAREST);
        this.fingerprint = fingerprint;
    }

    /**
     * Fits a model to labelled examples (seconds for a thousand: do it off the event loop).
     *
     * @param vectors the token vectors
     * @param examples the labelled examples
     * @param settings how to fit
     * @return the model
     */
    public static ExampleModel fit(TokenVectors vectors, List<LabelledExample> examples, FitSettings settings) {
        FeatureSpace space = FeatureSpace.fit(vectors, examples.stream().map(LabelledExample::text).toList());
        return new ExampleModel(space, ModelFit.fit(space, examples, settings), examples,
                fingerprint(vectors, examples, settings));
    }

    /**
     * The model the build fitted to the shipped examples, over the packaged token vectors.
     *
     * @return the model
     * @throws IllegalStateException if it is missing or was fitted to other examples
     */
    public static ExampleModel packaged() {
        TokenVectors vectors = TokenVectors.packaged();
        List<LabelledExample> examples = LabelledExample.defaults();
        try (InputStream in = ExampleModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the plugin; the build fits it in"
                        + " process-classes (mvn package)");
            }
            return read(in, vectors, examples, FitSettings.DEFAULTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a model {@link #write written} for these vectors, examples and settings.
     *
     * @throws IOException if the stream is no model, or one fitted to something else
     */
    public static ExampleModel read(InputStream stream, TokenVectors vectors, List<LabelledExample> examples,
            FitSettings settings) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
        if (in.readInt() != MAGIC || in.readInt() != 1) {
            throw new IOException("not a version 1 venting model");
        }
        long expected = fingerprint(vectors, examples, settings);
        if (in.readLong() != expected) {
            throw new IOException("the model was fitted to other examples or settings: rebuild the plugin");
        }
        return new ExampleModel(FeatureSpace.read(in, vectors), SoftmaxRegression.read(in), examples, expected);
    }

    /** Writes the model. */
    public void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(1);
        out.writeLong(fingerprint);
        space.write(out);
        regression.write(out);
        out.flush();
    }

    /** How many examples the model knows. */
    public int exampleCount() {
        return nearest.size();
    }

    /**
     * The label probabilities of a whole text, in {@link Label} order.
     *
     * @param text the text
     * @return the probabilities
     */
    public double[] probabilities(String text) {
        return regression.probabilities(space.of(text));
    }

    FeatureSpace space() {
        return space;
    }

    SoftmaxRegression regression() {
        return regression;
    }

    /** The ids of the examples of a label nearest a span, nearest first. */
    List<String> nearest(float[] spanSum, Label label) {
        return nearest.nearest(spanSum, label);
    }

    private static long fingerprint(TokenVectors vectors, List<LabelledExample> examples, FitSettings settings) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((vectors.vocabularySize() + "/" + vectors.dimension() + "/" + FeatureSpace.BUCKETS + "/"
                    + FeatureSpace.NGRAM_WEIGHT + "/" + settings + "\n").getBytes(StandardCharsets.UTF_8));
            for (LabelledExample example : examples) {
                digest.update((example.id() + "\t" + example.label() + "\t" + example.text() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return java.nio.ByteBuffer.wrap(digest.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
