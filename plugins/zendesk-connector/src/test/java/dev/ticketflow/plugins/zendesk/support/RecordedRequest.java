package dev.ticketflow.plugins.zendesk.support;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** One request the fake Zendesk received. */
public record RecordedRequest(String method, String path, Map<String, List<String>> query, String authorization, String body,
        long receivedAtNanos) {

    public JsonObject json() {
        return body == null || body.isEmpty() ? new JsonObject() : new JsonObject(body);
    }

    public boolean is(String method, String path) {
        return this.method.equals(method) && this.path.equals(path);
    }

    public boolean isWrite() {
        return !method.equals("GET");
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : " " + query) + (body == null || body.isEmpty() ? "" : " " + body);
    }
}
