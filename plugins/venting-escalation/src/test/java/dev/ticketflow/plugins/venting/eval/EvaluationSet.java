package dev.ticketflow.plugins.venting.eval;

import dev.ticketflow.plugins.venting.classify.Label;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the labelled customer messages from the test resources ({@code eval/*.jsonl}). */
public final class EvaluationSet {

    /** The splits the targets apply to, in the order they are reported. */
    public static final List<String> SPLITS = List.of("dev", "holdout");

    /**
     * Messages written after the rules and never used to change them: how the rules do on
     * phrasings they were not written for. Reported, not held to the targets.
     */
    public static final String FRESH = "fresh";

    /**
     * A second batch of fresh messages, written before the embedding component was built and
     * never used to tune it or the rules.
     */
    public static final String FRESH_2 = "fresh2";

    /**
     * A third, larger batch (150) written blind by someone who had seen neither the rules nor the
     * examples, asked to find where a classifier like this one fails.
     */
    public static final String FRESH_3 = "fresh3";

    /**
     * A fourth batch (150) written blind like the third, and kept out of every choice made about
     * the model: the most honest estimate of how the classifier does on a held-out set.
     */
    public static final String FRESH_4 = "fresh4";

    /**
     * A fifth batch (150), written blind as an acceptance set after every choice about the model
     * and its thresholds was made, and measured once.
     */
    public static final String FRESH_5 = "fresh5";

    /** Every split that is reported but never tuned on. */
    public static final List<String> FRESH_SPLITS = List.of(FRESH, FRESH_2, FRESH_3, FRESH_4, FRESH_5);

    private EvaluationSet() {}

    /**
     * All labelled messages of both splits.
     *
     * @return the messages
     */
    public static List<LabelledMessage> load() {
        List<LabelledMessage> all = new ArrayList<>();
        for (String split : SPLITS) {
            all.addAll(load(split));
        }
        return all;
    }

    /**
     * The labelled messages of one split.
     *
     * @param split {@code dev} or {@code holdout}
     * @return the messages
     */
    public static List<LabelledMessage> load(String split) {
        // the dev split ships in the plugin as the embedding component's labelled examples
        String resource = split.equals("dev") ? "venting-examples.jsonl" : "eval/customer-messages." + split + ".jsonl";
        try (InputStream in = EvaluationSet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test resources");
            }
            List<LabelledMessage> messages = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject json = new JsonObject(line);
                messages.add(new LabelledMessage(json.getString("id"), split, json.getString("kind"),
                        Label.ofId(json.getString("label")), json.getString("text")));
            }
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
