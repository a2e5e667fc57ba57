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
import java.util.Map;

/**
 * Build step: distils the all-MiniLM-L6-v2 sentence encoder into one vector per token of its
 * vocabulary (the model2vec recipe: each token is encoded alone, as {@code [CLS] token [SEP]},
 * and its mean-pooled output kept), so that the plugin embeds a sentence by averaging token
 * vectors, in microseconds and without ONNX Runtime. The vectors are written int8 with one
 * scale per token: {@code TFTV} magic, version, token count, dimension, then per token its
 * UTF-8 text, its scale and its bytes. The model and its tokenizer come from the langchain4j
 * model jar on the class path; nothing is downloaded. Run by Maven with the test class path:
 * {@code java -cp <classpath> TokenVectorsGenerator.java <output file>}. Skips an existing file.
 */
public final class TokenVectorsGenerator {

    private static final int BATCH = 512;

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args[0]);
        if (Files.exists(output)) {
            System.out.println("token vectors up to date: " + output);
            return;
        }
        long started = System.nanoTime();
        String[] tokens = vocabulary(resource("all-minilm-l6-v2-q-tokenizer.json"));
        float[][] vectors = encode(resource("all-minilm-l6-v2-q.onnx"), tokens.length);
        Files.createDirectories(output.getParent());
        Path partial = output.resolveSibling(output.getFileName() + ".partial");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            write(out, tokens, vectors);
        }
        Files.move(partial, output);
        System.out.printf("token vectors: %d tokens x %d dimensions in %d ms -> %s%n", tokens.length,
                vectors[0].length, (System.nanoTime() - started) / 1_000_000, output);
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
        out.writeInt(1);
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
