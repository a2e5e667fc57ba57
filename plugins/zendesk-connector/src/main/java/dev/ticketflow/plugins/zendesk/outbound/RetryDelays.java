package dev.ticketflow.plugins.zendesk.outbound;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before the next attempt: exactly what Zendesk asked for in
 * {@code Retry-After} on a 429 (or a 503 that carries it), otherwise exponential back-off with
 * jitter.
 *
 * <p>Failsafe's own jitter is not used because it would also shorten a server-mandated
 * {@code Retry-After}; here jitter only ever applies to our own back-off.
 */
final class RetryDelays {

    private final Duration base;
    private final Duration max;

    RetryDelays(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    /**
     * The delay before the attempt after {@code failedAttempts} failures.
     *
     * @param lastResponse the last answer, {@code null} after a network error
     * @param failedAttempts how many attempts failed so far, at least 1
     */
    Duration next(HttpResponse<Buffer> lastResponse, int failedAttempts) {
        Optional<Duration> asked = lastResponse == null ? Optional.empty() : retryAfter(lastResponse);
        return asked.orElseGet(() -> backoff(failedAttempts));
    }

    /** Exponential back-off with "equal jitter": half fixed, half random. */
    Duration backoff(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 20);
        long millis = Math.min(base.toMillis() << doublings, max.toMillis());
        long half = Math.max(millis / 2, 1);
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** The {@code Retry-After} of an answer: delta-seconds or an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<Buffer> response) {
        String value = response.getHeader("Retry-After");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        value = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
