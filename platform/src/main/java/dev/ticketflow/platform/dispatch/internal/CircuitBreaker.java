package dev.ticketflow.platform.dispatch.internal;

import dev.ticketflow.platform.config.CircuitBreakerPolicy;
import dev.ticketflow.platform.dispatch.CircuitStatus;
import java.time.Instant;

/**
 * Pauses a plugin's deliveries after too many failures in a row: closed (deliver), open (pause
 * for the cool-down), half-open (one trial delivery; success closes, failure opens again).
 * Any success closes it, also one of a delivery that started before it opened: the plugin
 * works again.
 *
 * <p>Confined to the dispatcher's context; {@link #status} may be read from any thread.
 */
final class CircuitBreaker {

    private enum State { CLOSED, OPEN, HALF_OPEN }

    private final CircuitBreakerPolicy policy;
    private State state = State.CLOSED;
    private int failures;
    private long openUntil;
    private boolean trialInFlight;
    private volatile CircuitStatus status = CircuitStatus.closed();

    CircuitBreaker(CircuitBreakerPolicy policy) {
        this.policy = policy;
    }

    /**
     * Asks to start a delivery.
     *
     * @param now the delivery clock's time
     * @return whether it may start (in half-open state, it is the trial)
     */
    boolean tryAcquire(long now) {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (now < openUntil) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                publish();
                return true;
            default:
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
        }
    }

    /**
     * Counts a success.
     *
     * @return whether it closed a paused circuit (so that waiting deliveries start)
     */
    boolean onSuccess() {
        boolean wasPaused = state != State.CLOSED;
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
        publish();
        return wasPaused;
    }

    /**
     * Counts a failure.
     *
     * @param now the delivery clock's time
     * @return whether it opened the circuit
     */
    boolean onFailure(long now) {
        failures++;
        boolean open = state == State.HALF_OPEN
                || (state == State.CLOSED && policy.enabled() && failures >= policy.failureThreshold());
        if (open) {
            state = State.OPEN;
            openUntil = now + policy.coolDown().toMillis();
            trialInFlight = false;
        }
        publish();
        return open;
    }

    /** When an open circuit lets its trial start (epoch milliseconds). */
    long openUntil() {
        return openUntil;
    }

    boolean paused() {
        return state != State.CLOSED;
    }

    CircuitStatus status() {
        return status;
    }

    private void publish() {
        status = switch (state) {
            case CLOSED -> new CircuitStatus(CircuitStatus.CLOSED, failures, null);
            case OPEN -> new CircuitStatus(CircuitStatus.OPEN, failures, Instant.ofEpochMilli(openUntil));
            case HALF_OPEN -> new CircuitStatus(CircuitStatus.HALF_OPEN, failures, null);
        };
    }
}
