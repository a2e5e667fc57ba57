package dev.ticketflow.platform.config;

/**
 * How deliveries to one plugin are retried and when they pause.
 *
 * @param retry attempts and their backoff
 * @param circuitBreaker when a failing plugin is paused
 */
public record DeliveryPolicy(RetryPolicy retry, CircuitBreakerPolicy circuitBreaker) {

    public static DeliveryPolicy defaults() {
        return new DeliveryPolicy(RetryPolicy.defaults(), CircuitBreakerPolicy.defaults());
    }

    public DeliveryPolicy withRetry(RetryPolicy policy) {
        return new DeliveryPolicy(policy, circuitBreaker);
    }

    public DeliveryPolicy withCircuitBreaker(CircuitBreakerPolicy policy) {
        return new DeliveryPolicy(retry, policy);
    }
}
