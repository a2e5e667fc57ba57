package dev.ticketflow.platform.config;

import java.time.Duration;
import java.util.List;

/**
 * How often and when a failed delivery is attempted again. The first attempt is immediate;
 * attempt {@code n} (from 2) waits {@code delays[n-2]} after the previous failure (the last
 * delay repeats when there are more attempts than delays), stretched or shrunk at random by up
 * to {@code jitter} so that retries of many deliveries do not arrive in lockstep. After
 * {@code maxAttempts} failed attempts the delivery is a dead letter.
 *
 * @param maxAttempts attempts in all, at least 1 (1: never retried)
 * @param delays the waits before attempts 2, 3, …; growing, as backoff
 * @param jitter the random share of each delay, from 0 (none) to below 1
 */
public record RetryPolicy(int maxAttempts, List<Duration> delays, double jitter) {

    /**
     * The default waits, Svix's schedule: attempts at once, then after 5 s, 5 min, 30 min, 2 h,
     * 5 h, 10 h and 10 h — 8 attempts over about a day and a half.
     */
    public static final List<Duration> DEFAULT_DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10));

    public RetryPolicy {
        delays = List.copyOf(delays);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (maxAttempts > 1 && delays.isEmpty()) {
            throw new IllegalArgumentException("delays must name at least one wait when maxAttempts is above 1");
        }
        if (delays.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("delays must not be negative");
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be at least 0 and below 1, got " + jitter);
        }
    }

    /** 8 attempts with {@link #DEFAULT_DELAYS} and 20 % jitter. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(8, DEFAULT_DELAYS, 0.2);
    }

    /** One attempt only: a failed delivery is a dead letter at once. */
    public static RetryPolicy noRetries() {
        return new RetryPolicy(1, List.of(), 0);
    }

    /**
     * The wait before an attempt.
     *
     * @param attempt the attempt that is to come, from 2
     * @param random a random number from -1 to 1, which the jitter scales
     * @return the wait
     */
    public Duration delayBefore(int attempt, double random) {
        Duration base = delays.get(Math.min(Math.max(attempt - 2, 0), delays.size() - 1));
        double factor = 1 + jitter * Math.max(-1, Math.min(1, random));
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, delays, jitter);
    }

    public RetryPolicy withDelays(List<Duration> waits) {
        return new RetryPolicy(maxAttempts, waits, jitter);
    }

    public RetryPolicy withJitter(double share) {
        return new RetryPolicy(maxAttempts, delays, share);
    }
}
