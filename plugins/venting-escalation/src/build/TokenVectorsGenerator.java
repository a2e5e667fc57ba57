import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.vertx.core.json.JsonObject;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Build step: distils the all-MiniLM-L6-v2 sentence encoder into one vector per token of its
 * vocabulary (the model2vec recipe: each token is encoded alone, as {@code [CLS] token [SEP]},
 * and its mean-pooled output kept), so that the plugin embeds a sentence by averaging token
 * vectors, in microseconds and without ONNX Runtime. As model2vec does, the vectors are then
 * projected on their {@value #COMPONENTS} principal components (commons-math's eigen
 * decomposition of their covariance, keeping 96% of the variance): two thirds of the arithmetic
 * per token, and the classifier measured as accurate on every labelled split. They are written
 * int8 with one scale per token:
 * {@code TFTV} magic, version, token count, dimension, then per token its UTF-8 text, its scale
 * and its bytes. The model and its tokenizer come from the langchain4j model jar on the class
 * path; nothing is downloaded. Run by Maven with the test class path:
 * {@code java -cp <classpath> TokenVectorsGenerator.java <output file>}. Skips a file of the
 * current version.
 */
public final class TokenVectorsGenerator {

    private static final int BATCH = 512;
    private static final int COMPONENTS = 256;
    private static final int VERSION = 2;

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args[0]);
        if (Files.exists(output) && versionOf(output) == VERSION) {
            System.out.println("token vectors up to date: " + output);
            return;
        }
        long started = System.nanoTime();
        String[] tokens = vocabulary(resource("all-minilm-l6-v2-q-tokenizer.json"));
        float[][] vectors = principalComponents(encode(resource("all-minilm-l6-v2-q.onnx"), tokens.length));
        Files.createDirectories(output.getParent());
        Path partial = output.resolveSibling(output.getFileName() + ".partial");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            write(out, tokens, vectors);
        }
        Files.move(partial, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("token vectors: %d tokens x %d dimensions in %d ms -> %s%n", tokens.length,
                vectors[0].length, (System.nanoTime() - started) / 1_000_000, output);
    }

    private static int versionOf(Path file) throws IOException {
        try (java.io.DataInputStream in = new java.io.DataInputStream(Files.newInputStream(file))) {
            in.readInt();
            return in.readInt();
        }
    }

    /** The vectors projected on the top principal axes of their covariance. */
    private static float[][] principalComponents(float[][] vectors) {
        int dimension = vectors[0].length;
        double[] mean = new double[dimension];
        for (float[] vector : vectors) {
            for (int d = 0; d < dimension; d++) {
                mean[d] += vector[d] / (double) vectors.length;
            }
        }
        double[][] covariance = new double[dimension][dimension];
        for (float[] vector : vectors) {
            for (int i = 0; i < dimension; i++) {
                double a = vector[i] - mean[i];
                for (int j = i; j < dimension; j++) {
                    covariance[i][j] += a * (vector[j] - mean[j]);
                }
            }
        }
        for (int i = 0; i < dimension; i++) {
            for (int j = i; j < dimension; j++) {
                covariance[i][j] /= vectors.length - 1;
                covariance[j][i] = covariance[i][j];
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(covariance, false));
        double[] values = eigen.getRealEigenvalues();
        int[] order = IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> values[i]).reversed())
                .mapToInt(Integer::intValue).limit(COMPONENTS).toArray();
        RealMatrix axes = eigen.getV();
        double[][] basis = new double[COMPONENTS][];
        for (int c = 0; c < COMPONENTS; c++) {
            basis[c] = axes.getColumn(order[c]);
        }
        float[][] projected = new float[vectors.length][COMPONENTS];
        for (int t = 0; t < vectors.length; t++) {
            for (int c = 0; c < COMPONENTS; c++) {
                double sum = 0;
                for (int d = 0; d < dimension; d++) {
                    sum += vectors[t][d] * basis[c][d];
                }
                projected[t][c] = (float) sum;
            }
        }
        double kept = Arrays.stream(order).mapToDouble(i -> values[i]).sum() / Arrays.stream(values).sum();
        System.out.printf("token vectors: %d principal components keep %.1f%% of the variance%n", COMPONENTS,
                100 * kept);
        return projected;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TokenVectorsGenerator.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path (langchain4j MiniLM model jar)");
            }
            return in.readAllBytes();
        }
    }

    /** The WordPiece vocabulary from tokenizer.json, indexed by token id. */
    private static String[] vocabulary(byte[] tokenizerJson) {
        JsonObject vocab = new JsonObject(new String(tokenizerJson, StandardCharsets.UTF_8))
                .getJsonObject("model").getJsonObject("vocab");
        String[] tokens = new String[vocab.size()];
        for (String token : vocab.fieldNames()) {
            tokens[vocab.getInteger(token)] = token;
        }
        return tokens;
    }

    private static float[][] encode(byte[] model, int count) throws Exception {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        float[][] vectors = new float[count][];
        try (OrtSession session = environment.createSession(model, new OrtSession.SessionOptions())) {
            for (int first = 0; first < count; first += BATCH) {
                int size = Math.min(BATCH, count - first);
                long[][] ids = new long[size][];
                long[][] mask = new long[size][];
                long[][] types = new long[size][3];
                for (int i = 0; i < size; i++) {
                    ids[i] = new long[] {101, first + i, 102}; // [CLS] token [SEP]
                    mask[i] = new long[] {1, 1, 1};
                }
                try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, ids);
                        OnnxTensor maskTensor = OnnxTensor.createTensor(environment, mask);
                        OnnxTensor typeTensor = OnnxTensor.createTensor(environment, types);
                        OrtSession.Result result = session.run(Map.of("input_ids", idTensor,
                                "attention_mask", maskTensor, "token_type_ids", typeTensor))) {
                    float[][][] hidden = (float[][][]) result.get(0).getValue();
                    for (int i = 0; i < size; i++) {
                        vectors[first + i] = meanPool(hidden[i]);
                    }
                }
            }
        }
        return vectors;
    }

    private static float[] meanPool(float[][] positions) {
        float[] mean = new float[positions[0].length];
        for (float[] position : positions) {
            for (int d = 0; d < mean.length; d++) {
                mean[d] += position[d] / positions.length;
            }
        }
        return mean;
    }

    private static void write(DataOutputStream out, String[] tokens, float[][] vectors) throws IOException {
        out.writeInt(0x54465456); // "TFTV"
        out.writeInt(VERSION);
        out.writeInt(tokens.length);
        out.writeInt(vectors[0].length);
        for (int t = 0; t < tokens.length; t++) {
            float max = 0;
            for (float value : vectors[t]) {
                max = Math.max(max, Math.abs(value));
            }
            float scale = max == 0 ? 1 : max / 127f;
            out.writeUTF(tokens[t]);
            out.writeFloat(scale);
            byte[] quantised = new byte[vectors[t].length];
            for (int d = 0; d < quantised.length; d++) {
                quantised[d] = (byte) Math.round(vectors[t][d] / scale);
            }
            out.write(quantised);
        }
    }

    private TokenVectorsGenerator() {}
}
