package dev.ticketflow.plugins.slack.client;

import java.time.Duration;

/**
 * How rate-limited posts are retried.
 *
 * @param maxAttempts attempts in total, at least 1
 * @param defaultDelay the wait when Slack gives no {@code Retry-After}
 * @param maxRetryAfter the longest wait inside one delivery; a longer one fails the delivery so
 *     that the platform's delivery retry takes over
 */
public record RetryPolicy(int maxAttempts, Duration defaultDelay, Duration maxRetryAfter) {

    /** Checks the bounds. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }
}
