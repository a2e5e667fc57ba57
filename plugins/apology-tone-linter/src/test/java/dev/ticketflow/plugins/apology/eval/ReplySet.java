package dev.ticketflow.plugins.apology.eval;

import dev.ticketflow.plugins.apology.lint.ReplyContext;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the labelled agent replies from the test resources ({@code eval/*.jsonl}): {@code dev}, used
 * while writing the first rules, {@code holdout}, kept aside from them, and {@code dev2}, written
 * later in other words (other verbs, nouns, spellings and sentence shapes) to make the rules
 * generalise.
 */
public final class ReplySet {

    /** The splits, in the order they are reported. */
    public static final List<String> SPLITS = List.of("dev", "holdout", "dev2");

    /**
     * Replies written blind, by someone who had seen neither the rules nor the other replies:
     * reported to show how the rules do on new phrasings, not held to the targets.
     */
    public static final List<String> FRESH_SPLITS = List.of("fresh", "fresh2", "fresh3");

    private ReplySet() {}

    /** All labelled replies of all splits. */
    public static List<LabelledReply> load() {
        List<LabelledReply> all = new ArrayList<>();
        SPLITS.forEach(split -> all.addAll(load(split)));
        return all;
    }

    /**
     * The labelled replies of one split.
     *
     * @param split {@code dev}, {@code holdout} or {@code dev2}
     * @return the replies
     */
    public static List<LabelledReply> load(String split) {
        String resource = "eval/agent-replies." + split + ".jsonl";
        try (InputStream in = ReplySet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test resources");
            }
            List<LabelledReply> replies = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject json = new JsonObject(line);
                Set<String> expected = new LinkedHashSet<>();
                json.getJsonArray("expected").forEach(id -> expected.add(String.valueOf(id)));
                replies.add(new LabelledReply(json.getString("id"), split, json.getString("kind"),
                        ReplyContext.ofId(json.getString("context")), expected, json.getString("text")));
            }
            return replies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
