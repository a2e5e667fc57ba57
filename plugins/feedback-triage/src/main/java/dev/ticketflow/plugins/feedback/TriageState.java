package dev.ticketflow.plugins.feedback;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What the plugin remembers about one ticket, kept in its store as JSON. The first comment is
 * seen once, so its signals are kept to be weighed again when the ticket changes later.
 *
 * @param category the category last announced, {@code null} when none yet
 * @param commentSignals the signals of the first customer comment
 * @param firstCommentSeen whether the first customer comment was read
 * @param refundRouted whether the ticket was already sent to the refunds group
 */
public record TriageState(
        Category category, List<Signal> commentSignals, boolean firstCommentSeen, boolean refundRouted) {

    /** A ticket the plugin has not seen. */
    public static final TriageState NEW = new TriageState(null, List.of(), false, false);

    public TriageState {
        commentSignals = List.copyOf(commentSignals);
    }

    public TriageState withFirstComment(List<Signal> signals) {
        return new TriageState(category, signals, true, refundRouted);
    }

    public TriageState classifiedAs(Category newCategory, boolean routed) {
        return new TriageState(newCategory, commentSignals, firstCommentSeen, refundRouted || routed);
    }

    public String toJson() {
        JsonObject json = new JsonObject()
                .put("commentSignals", new JsonArray(commentSignals.stream().map(Signal::toMap).toList()))
                .put("firstCommentSeen", firstCommentSeen)
                .put("refundRouted", refundRouted);
        if (category != null) {
            json.put("category", category.id());
        }
        return json.encode();
    }

    /** Reads {@link #toJson()}; {@code null} reads as {@link #NEW}. */
    public static TriageState fromJson(String text) {
        if (text == null) {
            return NEW;
        }
        JsonObject json = new JsonObject(text);
        List<Signal> signals = new ArrayList<>();
        for (Object one : json.getJsonArray("commentSignals", new JsonArray())) {
            signals.add(Signal.fromMap(((JsonObject) one).getMap()));
        }
        String category = json.getString("category");
        return new TriageState(category == null ? null : Category.fromId(category), signals,
                json.getBoolean("firstCommentSeen", false), json.getBoolean("refundRouted", false));
    }
}
