package dev.ticketflow.platform.config;

import java.time.Duration;

/**
 * When a plugin's deliveries are paused because it keeps failing: after
 * {@code failureThreshold} failed attempts in a row, nothing is sent to it for
 * {@code coolDown}; then one trial delivery decides — success resumes all deliveries, failure
 * pauses them for another cool-down.
 *
 * @param failureThreshold failed attempts in a row that open the circuit; 0 never opens it
 * @param coolDown how long deliveries pause before the trial
 */
public record CircuitBreakerPolicy(int failureThreshold, Duration coolDown) {

    public CircuitBreakerPolicy {
        if (failureThreshold < 0) {
            throw new IllegalArgumentException("failureThreshold must not be negative, got " + failureThreshold);
        }
        if (coolDown.isNegative() || coolDown.isZero()) {
            throw new IllegalArgumentException("coolDown must be positive");
        }
    }

    /** Opens after 10 failures in a row, for 30 s at a time. */
    public static CircuitBreakerPolicy defaults() {
        return new CircuitBreakerPolicy(10, Duration.ofSeconds(30));
    }

    /** Never opens. */
    public static CircuitBreakerPolicy disabled() {
        return new CircuitBreakerPolicy(0, Duration.ofSeconds(30));
    }

    public boolean enabled() {
        return failureThreshold > 0;
    }

    public CircuitBreakerPolicy withFailureThreshold(int failures) {
        return new CircuitBreakerPolicy(failures, coolDown);
    }

    public CircuitBreakerPolicy withCoolDown(Duration pause) {
        return new CircuitBreakerPolicy(failureThreshold, pause);
    }
}
