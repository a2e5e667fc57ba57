package dev.ticketflow.platform.intake;

import io.vertx.core.json.JsonObject;

/**
 * One failing member of a request body.
 *
 * @param field JSON Pointer to the member, for example {@code /ticket/id}
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {

    JsonObject toJson() {
        return new JsonObject().put("field", field).put("message", message);
    }
}
