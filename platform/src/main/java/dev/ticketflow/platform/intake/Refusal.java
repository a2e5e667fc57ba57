package dev.ticketflow.platform.intake;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import dev.ticketflow.platform.http.Problem;
import io.vertx.core.json.JsonArray;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why the intake refused a request: the problem answered, and its slug, which is also the
 * outcome counted in the intake metrics.
 *
 * @param slug the problem type's short name
 * @param problem the answer
 */
record Refusal(String slug, Problem problem) {

    private static Refusal of(int status, String slug, String title, String detail) {
        return new Refusal(slug, Problem.of(status, slug, title, detail));
    }

    static Refusal unsupportedMediaType(String detail) {
        return of(415, "unsupported-media-type", "Unsupported media type",
                detail + "; send the event as Content-Type: application/json");
    }

    static Refusal bodyTooLarge(long limit) {
        Refusal refusal = of(413, "body-too-large", "Request body too large",
                "the body exceeds " + limit + " bytes (http.maxBodyBytes); send one event per request");
        refusal.problem().with("limit", limit);
        return refusal;
    }

    static Refusal signature(SignatureFailure failure) {
        return switch (failure.check()) {
            case NOT_CONFIGURED -> of(401, "signature-not-configured", "No webhook secret configured",
                    failure.detail());
            case MISSING_HEADERS -> of(401, "missing-signature-headers", "Signature headers missing",
                    failure.detail());
            case INVALID_TIMESTAMP -> of(401, "invalid-timestamp", "Invalid signature timestamp",
                    failure.detail());
            case TIMESTAMP_TOO_OLD, TIMESTAMP_TOO_NEW -> of(401, "stale-timestamp",
                    "Signature timestamp outside the tolerance", failure.detail());
            case NO_MATCH -> of(401, "signature-mismatch", "Signature does not match", failure.detail());
        };
    }

    static Refusal emptyBody() {
        return of(400, "malformed-json", "Malformed JSON", "the body is empty; send one event as JSON");
    }

    static Refusal malformedJson(JacksonException e) {
        JsonLocation where = e.getLocation();
        String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        Refusal refusal = of(400, "malformed-json", "Malformed JSON",
                "the body is not valid JSON" + at + ": " + e.getOriginalMessage());
        if (where != null) {
            refusal.problem().with("line", where.getLineNr()).with("column", where.getColumnNr());
        }
        return refusal;
    }

    static Refusal schemaViolation(List<FieldError> errors) {
        String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        Refusal refusal = of(400, "schema-violation", "Event does not match the schema",
                "the event does not match the TicketEvent schema (see /openapi.yaml) at " + fields);
        refusal.problem().with("errors", toJson(errors));
        return refusal;
    }

    static Refusal unknownType(String type, List<String> knownTypes, List<FieldError> errors) {
        Refusal refusal = of(400, "unknown-event-type", "Unknown event type",
                "type '" + type + "' is not one the intake accepts; known types: "
                        + String.join(", ", knownTypes));
        refusal.problem().with("knownTypes", new JsonArray(List.copyOf(knownTypes))).with("errors", toJson(errors));
        return refusal;
    }

    static Refusal logUnavailable(Throwable cause) {
        return of(503, "event-log-unavailable", "Event log unavailable",
                "the event could not be stored, so it was not accepted; retry later ("
                        + cause.getMessage() + ")");
    }

    private static JsonArray toJson(List<FieldError> errors) {
        JsonArray array = new JsonArray();
        errors.forEach(error -> array.add(error.toJson()));
        return array;
    }
}
