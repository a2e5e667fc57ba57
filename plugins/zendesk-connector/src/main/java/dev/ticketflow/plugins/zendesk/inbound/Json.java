package dev.ticketflow.plugins.zendesk.inbound;

import io.vertx.core.json.JsonObject;

/** Required-field access that names the missing field's full path. */
final class Json {

    private Json() {}

    static JsonObject object(JsonObject parent, String name, String path) {
        Object value = parent.getValue(name);
        if (value instanceof JsonObject object) {
            return object;
        }
        throw value == null
                ? UnmappablePayloadException.missing(path)
                : new UnmappablePayloadException(path, "is not an object");
    }

    static Object value(JsonObject parent, String name, String path) {
        Object value = parent.getValue(name);
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw UnmappablePayloadException.missing(path);
        }
        return value;
    }

    static boolean bool(JsonObject parent, String name, String path) {
        Object value = value(parent, name, path);
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = value.toString().strip().toLowerCase(java.util.Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new UnmappablePayloadException(path, "is not true or false: " + value);
    }
}
