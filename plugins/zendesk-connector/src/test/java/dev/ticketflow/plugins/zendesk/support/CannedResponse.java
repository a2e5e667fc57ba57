package dev.ticketflow.plugins.zendesk.support;

import java.util.Map;

/** An answer the fake gives instead of handling a request (a 429, a 5xx, …). */
public record CannedResponse(int status, Map<String, String> headers, String body) {

    public static CannedResponse rateLimited(int retryAfterSeconds) {
        return new CannedResponse(429, Map.of("Retry-After", Integer.toString(retryAfterSeconds)),
                "You have exceeded the rate limit for this account");
    }

    public static CannedResponse json(int status, String body) {
        return new CannedResponse(status, Map.of("Content-Type", "application/json"), body);
    }

    public static CannedResponse serverError(int status) {
        return new CannedResponse(status, Map.of("Content-Type", "application/json"),
                "{\"error\":\"InternalError\",\"description\":\"Something went wrong, try again\"}");
    }
}
