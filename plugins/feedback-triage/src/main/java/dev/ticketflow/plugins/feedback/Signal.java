package dev.ticketflow.plugins.feedback;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One piece of evidence for a category: what matched, where.
 *
 * @param source where it was found
 * @param category the category it points to
 * @param match what matched: the tag, the form, {@code field=value} or the keyword as written
 * @param qualifies whether this signal alone makes the ticket a feedback ticket; a symptom word
 *     such as "error" only picks the kind of a ticket that something else marked as feedback
 */
public record Signal(SignalSource source, Category category, String match, boolean qualifies) {

    /** The signal as it appears in {@code feedback.classified} and in the plugin's store. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("source", source.id());
        map.put("category", category.id());
        map.put("match", match);
        map.put("qualifies", qualifies);
        return map;
    }

    /** Reads {@link #toMap()} back. */
    public static Signal fromMap(Map<String, Object> map) {
        return new Signal(SignalSource.fromId((String) map.get("source")),
                Category.fromId((String) map.get("category")), (String) map.get("match"),
                Boolean.TRUE.equals(map.get("qualifies")));
    }
}
