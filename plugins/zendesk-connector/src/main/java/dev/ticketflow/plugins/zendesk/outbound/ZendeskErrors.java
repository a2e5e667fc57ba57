package dev.ticketflow.plugins.zendesk.outbound;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Zendesk's error bodies into one readable line. Zendesk answers errors in several
 * shapes: {@code {"error":"RecordInvalid","description":"…","details":{…}}},
 * {@code {"error":{"title":"…","message":"…"}}}, {@code {"errors":[{"title":"…","detail":"…"}]}}
 * and, for some 429s, plain text.
 */
final class ZendeskErrors {

    private static final int MAX_LENGTH = 500;

    private ZendeskErrors() {}

    static String describe(int status, Buffer body) {
        if (body == null || body.length() == 0) {
            return "HTTP " + status + " without a body";
        }
        String text = body.toString();
        try {
            Object json = Buffer.buffer(text).toJson();
            if (json instanceof JsonObject object) {
                String described = describe(object);
                if (!described.isBlank()) {
                    return truncate(described);
                }
            }
        } catch (DecodeException notJson) {
            // plain-text error bodies are common on 429 and on proxies in front of Zendesk
        }
        return truncate(text.strip());
    }

    private static String describe(JsonObject body) {
        List<String> parts = new ArrayList<>();
        Object error = body.getValue("error");
        if (error instanceof String code) {
            parts.add(code);
        } else if (error instanceof JsonObject object) {
            addIfPresent(parts, object.getString("title"));
            addIfPresent(parts, object.getString("message"));
        }
        addIfPresent(parts, body.getString("description"));
        if (body.getValue("details") instanceof JsonObject details) {
            parts.add(details(details));
        }
        if (body.getValue("errors") instanceof JsonArray errors) {
            for (Object item : errors) {
                if (item instanceof JsonObject entry) {
                    addIfPresent(parts, entry.getString("title"));
                    addIfPresent(parts, entry.getString("detail"));
                }
            }
        }
        return String.join(": ", parts);
    }

    private static String details(JsonObject details) {
        List<String> fields = new ArrayList<>();
        for (String field : details.fieldNames()) {
            Object value = details.getValue(field);
            List<String> reasons = new ArrayList<>();
            if (value instanceof JsonArray array) {
                for (Object item : array) {
                    if (item instanceof JsonObject entry && entry.getString("description") != null) {
                        reasons.add(entry.getString("description"));
                    } else {
                        reasons.add(String.valueOf(item));
                    }
                }
            } else {
                reasons.add(String.valueOf(value));
            }
            fields.add(field + " " + String.join("; ", reasons));
        }
        return String.join(", ", fields);
    }

    private static void addIfPresent(List<String> parts, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(value);
        }
    }

    private static String truncate(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…";
    }
}
