package dev.ticketflow.plugins.gitlab.client;

import java.time.Duration;

/**
 * How GitLab calls are retried.
 *
 * @param maxAttempts attempts in total, at least 1
 * @param baseDelay the first back-off delay after a server or network error; doubled each time
 * @param maxDelay the longest back-off delay
 * @param maxRetryAfter the longest {@code Retry-After} we wait for inside one delivery; a longer
 *     one fails the call so that the platform's delivery retry takes over
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    /** Checks the bounds. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The back-off before attempt {@code attempt + 1}, with equal jitter. */
    Duration backoff(int attempt, double random) {
        long base = baseDelay.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random * (capped / 2.0)));
    }
}
