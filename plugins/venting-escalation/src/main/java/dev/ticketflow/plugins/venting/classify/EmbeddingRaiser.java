package dev.ticketflow.plugins.venting.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The second opinion of a sentence encoder, for phrasings the rules were not written for. A
 * message is compared with the team's labelled examples; when it comes clearly closer to the
 * threat examples than to any other, it is raised to threat, and a normal message that comes
 * clearly closer to the venting examples than to the normal ones is raised to venting. It never
 * lowers a label, and it leaves a message the rules call a threat alone.
 * Every raise adds a signal (rule {@code embedding.threat_examples} or
 * {@code embedding.venting_examples}) whose text gives the similarities and the nearest examples.
 *
 * <p>The default thresholds were chosen on the dev split alone, leaving each example out of its
 * own neighbours: the most threats found with at most two of the 254 other dev messages raised.
 */
public final class EmbeddingRaiser {

    /** Rule id of the signal that raises a message to threat. */
    public static final String THREAT_RULE = "embedding.threat_examples";
    /** Rule id of the signal that raises a normal message to venting. */
    public static final String VENTING_RULE = "embedding.venting_examples";

    /**
     * When the encoder's evidence counts as strong.
     *
     * @param neighbours how many nearest examples of a label are averaged
     * @param threatSimilarity the least mean similarity to the threat examples
     * @param threatMargin how much closer to threat than to venting and to normal
     * @param ventingSimilarity the least mean similarity to the venting examples
     * @param ventingMargin how much closer to venting than to normal
     */
    public record Thresholds(int neighbours, double threatSimilarity, double threatMargin,
            double ventingSimilarity, double ventingMargin) {

        /** The thresholds chosen on the dev split. */
        public static final Thresholds DEFAULTS = new Thresholds(5, 0.30, 0.05, 0.30, 0.12);
    }

    private final SentenceEmbedder embedder;
    private final NearestExamples examples;
    private final Thresholds thresholds;

    /**
     * Creates a raiser over already embedded examples.
     *
     * @param embedder the sentence encoder, the same that embedded the examples
     * @param examples the embedded examples
     * @param thresholds when to raise
     */
    public EmbeddingRaiser(SentenceEmbedder embedder, NearestExamples examples, Thresholds thresholds) {
        this.embedder = embedder;
        this.examples = examples;
        this.thresholds = thresholds;
    }

    /**
     * The MiniLM encoder over the shipped examples with the default thresholds. The first call
     * loads the model and embeds the examples (a few seconds: call it off the event loop); later
     * calls, a restarted plugin's say, share that immutable instance.
     *
     * @return the raiser
     */
    public static EmbeddingRaiser withDefaults() {
        return Defaults.INSTANCE;
    }

    /** Loaded on first use only: the holder idiom makes that thread-safe without locks. */
    private static final class Defaults {
        static final EmbeddingRaiser INSTANCE = load();

        private static EmbeddingRaiser load() {
            SentenceEmbedder embedder = new MiniLmEmbedder();
            return new EmbeddingRaiser(embedder, NearestExamples.embed(embedder, LabelledExample.defaults(),
                    Thresholds.DEFAULTS.neighbours()), Thresholds.DEFAULTS);
        }
    }

    /** How many examples messages are compared with. */
    public int exampleCount() {
        return examples.size();
    }

    /**
     * Raises the rules' decision when the encoder's evidence is strong.
     *
     * @param text the message
     * @param byRules what the rules decided
     * @return the same decision, or a higher label with one more signal
     */
    public Classification raise(String text, Classification byRules) {
        if (byRules.label() == Label.THREAT || text.isBlank()) {
            return byRules;
        }
        NearestExamples.Neighbours near = examples.near(embedder.embed(text));
        double threat = near.of(Label.THREAT);
        double venting = near.of(Label.VENTING);
        double normal = near.of(Label.NORMAL);
        if (threat >= thresholds.threatSimilarity() && threat - Math.max(venting, normal) >= thresholds.threatMargin()) {
            return raised(byRules, Label.THREAT, THREAT_RULE, text, near);
        }
        if (byRules.label() == Label.NORMAL && venting >= thresholds.ventingSimilarity()
                && venting - normal >= thresholds.ventingMargin()) {
            return raised(byRules, Label.VENTING, VENTING_RULE, text, near);
        }
        return byRules;
    }

    private static Classification raised(Classification byRules, Label label, String ruleId, String text,
            NearestExamples.Neighbours near) {
        String evidence = String.format(Locale.ROOT, "mean similarity to the nearest examples: threat %.3f,"
                + " venting %.3f, normal %.3f; nearest %s examples: %s", near.of(Label.THREAT), near.of(Label.VENTING),
                near.of(Label.NORMAL), label.id(), String.join(", ", near.nearest().get(label)));
        List<Signal> signals = new ArrayList<>(byRules.signals());
        // the whole message is the evidence: an encoder does not point at words
        signals.add(new Signal(ruleId, label, 0, 0, text.length(), evidence));
        return new Classification(label, signals, byRules.ventingScore(), byRules.threatScore());
    }
}
