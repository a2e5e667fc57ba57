package dev.ticketflow.platform.dispatch;

import java.time.Instant;

/**
 * The circuit breaker of one plugin's deliveries, as the admin API shows it.
 *
 * @param state {@code closed} (delivering), {@code open} (paused until {@code openUntil}) or
 *     {@code half-open} (one trial delivery decides)
 * @param consecutiveFailures failed attempts in a row
 * @param openUntil while open, when the trial may start; else {@code null}
 */
public record CircuitStatus(String state, int consecutiveFailures, Instant openUntil) {

    public static final String CLOSED = "closed";
    public static final String OPEN = "open";
    public static final String HALF_OPEN = "half-open";

    /** A closed circuit without failures. */
    public static CircuitStatus closed() {
        return new CircuitStatus(CLOSED, 0, null);
    }

    /** Whether deliveries are paused (open or waiting for its trial). */
    public boolean paused() {
        return !CLOSED.equals(state);
    }
}
