package dev.ticketflow.plugins.venting.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The second opinion of a model of the team's labelled examples ({@link ExampleModel}), for
 * phrasings the rules were not written for. A message is raised to threat when its most
 * threatening sentence, pair of neighbouring sentences (a threat split across two) or the whole
 * of it reads as a threat with at least the threat probability, and the whole message is not
 * plainly calm; a message the rules call normal is raised to venting when the whole of it reads
 * as venting with at least the venting probability. It never lowers a label, and leaves a rules'
 * threat alone. Every raise adds a signal (rule {@code embedding.threat_examples} or
 * {@code embedding.venting_examples}) spanning the text that read so, with the probabilities
 * and the nearest examples. Costs tens of microseconds for a 2 KB message. Thread-safe.
 */
public final class EmbeddingRaiser {

    /** Rule id of the signal that raises a message to threat. */
    public static final String THREAT_RULE = "embedding.threat_examples";
    /** Rule id of the signal that raises a normal message to venting. */
    public static final String VENTING_RULE = "embedding.venting_examples";

    /**
     * When the model's evidence counts as strong.
     *
     * @param threatProbability the least threat probability of a sentence, pair or message
     * @param messageThreatProbability the least threat probability of the whole message when a
     *     part of it reads as a threat (a lone pleasantry, "hope you are well", shares words with
     *     veiled threats; the whole message around a real threat rarely reads as plainly calm)
     * @param ventingProbability the least venting probability of the whole message
     */
    public record Thresholds(double threatProbability, double messageThreatProbability, double ventingProbability) {

        /** The thresholds chosen on the holdout and the fresh splits. */
        public static final Thresholds DEFAULTS = new Thresholds(0.4, 0.3, 0.5);
    }

    private final ExampleModel model;
    private final Thresholds thresholds;

    /**
     * Creates a raiser.
     *
     * @param model the model of the examples
     * @param thresholds when to raise
     */
    public EmbeddingRaiser(ExampleModel model, Thresholds thresholds) {
        this.model = model;
        this.thresholds = thresholds;
    }

    /**
     * The model the build fitted to the shipped examples, with the default thresholds. The first
     * call reads it (about a second: call it off the event loop); later calls, a restarted
     * plugin's say, share that immutable instance.
     *
     * @return the raiser
     */
    public static EmbeddingRaiser withDefaults() {
        return Defaults.INSTANCE;
    }

    /** Loaded on first use only: the holder idiom makes that thread-safe without locks. */
    private static final class Defaults {
        static final EmbeddingRaiser INSTANCE = new EmbeddingRaiser(ExampleModel.packaged(), Thresholds.DEFAULTS);
    }

    /** How many examples the model knows. */
    public int exampleCount() {
        return model.exampleCount();
    }

    /**
     * Raises the rules' decision when the model's evidence is strong.
     *
     * @param text the message
     * @param byRules what the rules decided
     * @return the same decision, or a higher label with one more signal
     */
    public Classification raise(String text, Classification byRules) {
        if (byRules.label() == Label.THREAT || text.isBlank()) {
            return byRules;
        }
        MessageReading reading = MessageReading.of(model, text);
        MessageReading.Span threatening = reading.mostThreatening();
        if (threatening.of(Label.THREAT) >= thresholds.threatProbability()
                && reading.whole().of(Label.THREAT) >= thresholds.messageThreatProbability()) {
            return raised(byRules, Label.THREAT, THREAT_RULE, text, threatening);
        }
        if (byRules.label() == Label.NORMAL && reading.whole().of(Label.VENTING) >= thresholds.ventingProbability()) {
            return raised(byRules, Label.VENTING, VENTING_RULE, text, reading.whole());
        }
        return byRules;
    }

    private Classification raised(Classification byRules, Label label, String ruleId, String text,
            MessageReading.Span span) {
        int to = span.to();
        while (to > span.from() && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        String evidence = String.format(Locale.ROOT, "%s (reads as %s, probability %.2f; threat %.2f, venting %.2f,"
                + " normal %.2f; nearest %s examples: %s)", text.substring(span.from(), to), label.id(), span.of(label),
                span.of(Label.THREAT), span.of(Label.VENTING), span.of(Label.NORMAL), label.id(),
                String.join(", ", model.nearest(span.sum(), label)));
        List<Signal> signals = new ArrayList<>(byRules.signals());
        signals.add(new Signal(ruleId, label, 0, span.from(), to, evidence));
        return new Classification(label, signals, byRules.ventingScore(), byRules.threatScore());
    }
}
