package dev.ticketflow.plugins.venting.classify;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The quantised all-MiniLM-L6-v2 sentence encoder, run by ONNX Runtime from the model and
 * tokenizer packaged in its jar: nothing is downloaded. Creating one loads the model (about a
 * second and 100 MB of memory), so create it once, off the event loop.
 */
public final class MiniLmEmbedder implements SentenceEmbedder {

    private final AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }
}
