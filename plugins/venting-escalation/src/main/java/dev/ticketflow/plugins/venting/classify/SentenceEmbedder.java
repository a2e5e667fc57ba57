package dev.ticketflow.plugins.venting.classify;

/**
 * Turns a text into a sentence embedding: texts that mean much the same get vectors pointing
 * the same way. Implementations must be thread-safe.
 */
public interface SentenceEmbedder {

    /**
     * Embeds a text.
     *
     * @param text the text
     * @return the embedding; any length, the same for every text, need not be normalised
     */
    float[] embed(String text);
}
