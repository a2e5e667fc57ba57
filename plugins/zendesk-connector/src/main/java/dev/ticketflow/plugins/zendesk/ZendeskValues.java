package dev.ticketflow.plugins.zendesk;

import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Zendesk's quirks, normalised in one place: ids arrive as numbers (REST) or strings (event
 * payloads) and always leave as strings; enums arrive UPPERCASE (event payloads), lowercase
 * (REST) or capitalised (trigger placeholders) and always leave lowercase.
 */
public final class ZendeskValues {

    private ZendeskValues() {}

    /** An id as a string; {@code null}, blank and placeholder leftovers become {@code null}. */
    public static String id(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return Long.toString(number.longValue());
        }
        String text = value.toString().strip();
        return text.isEmpty() || text.equals("-") ? null : text;
    }

    /** An enum value in lowercase; {@code null}, blank and {@code -} (unset) become {@code null}. */
    public static String lower(Object value) {
        String text = value == null ? null : value.toString().strip();
        return text == null || text.isEmpty() || text.equals("-") ? null : text.toLowerCase(Locale.ROOT);
    }

    /** Text, {@code null} when blank. */
    public static String text(Object value) {
        String text = value == null ? null : value.toString();
        return text == null || text.isBlank() ? null : text;
    }

    /** Tags from a JSON array or from a space-separated placeholder rendering. */
    public static List<String> tags(Object value) {
        List<String> tags = new ArrayList<>();
        if (value instanceof JsonArray array) {
            array.forEach(tag -> {
                if (tag != null && !tag.toString().isBlank()) {
                    tags.add(tag.toString().strip());
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(tag -> tags.add(String.valueOf(tag)));
        } else if (value != null) {
            for (String tag : value.toString().strip().split("\\s+")) {
                if (!tag.isEmpty()) {
                    tags.add(tag);
                }
            }
        }
        return tags;
    }

    /** Whether a ticket id is one Zendesk could have issued (a positive integer). */
    public static boolean isTicketId(String ticketId) {
        return ticketId != null && ticketId.matches("[1-9][0-9]{0,18}");
    }
}
