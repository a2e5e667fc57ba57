package dev.ticketflow.plugins.gitlab.client;

import dev.ticketflow.api.Log;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Retries GitLab calls: 429 after {@code Retry-After}, 5xx and network errors with exponential
 * back-off. Timers are Vert.x timers, so every attempt and its callbacks stay on the caller's
 * context (the plugin's verticle).
 *
 * <p>Hand-written on purpose: resilience4j and Failsafe schedule retries on their own executors
 * (callbacks would leave the verticle's event loop), Vert.x's own circuit breaker is a separate
 * vertx module the host does not ship and plugins may not bundle, and neither library offers
 * the "after an ambiguous failure, check whether the write landed before writing again" step
 * that keeps issue creation exactly-once.
 */
public final class Retrier {

    private final Vertx vertx;
    private final RetryPolicy policy;
    private final Log log;

    /**
     * Creates the retrier.
     *
     * @param vertx for timers
     * @param policy the policy
     * @param log where retries are logged
     */
    public Retrier(Vertx vertx, RetryPolicy policy, Log log) {
        this.vertx = vertx;
        this.policy = policy;
        this.log = log;
    }

    /**
     * Runs an idempotent call (a read) with retries.
     *
     * @param what the call, for logs and messages
     * @param attempt one attempt
     * @param <T> the result
     * @return the result of the first successful attempt
     */
    public <T> Future<T> call(String what, Supplier<Future<T>> attempt) {
        return call(what, attempt, null);
    }

    /**
     * Runs a call with retries. After a failure that leaves it open whether the write landed (5xx,
     * network error), {@code recheck} runs before the next attempt; when it finds the result, it is
     * returned instead of writing again.
     *
     * @param what the call, for logs and messages
     * @param attempt one attempt
     * @param recheck looks for the effect of an earlier attempt, or {@code null} for reads
     * @param <T> the result
     * @return the result
     */
    public <T> Future<T> call(String what, Supplier<Future<T>> attempt, Supplier<Future<Optional<T>>> recheck) {
        Promise<T> result = Promise.promise();
        run(what, attempt, recheck, 1, false, result);
        return result.future();
    }

    private <T> void run(String what, Supplier<Future<T>> attempt, Supplier<Future<Optional<T>>> recheck,
            int number, boolean afterAmbiguousFailure, Promise<T> result) {
        Future<T> outcome = afterAmbiguousFailure && recheck != null
                ? recheck.get().compose(found -> found.isPresent() ? Future.succeededFuture(found.get()) : attempt.get())
                : Future.<Void>succeededFuture().compose(nothing -> attempt.get());
        outcome.onSuccess(result::complete).onFailure(failure -> {
            Decision decision = decide(failure, number);
            if (decision.delay == null) {
                result.fail(decision.give(failure));
                return;
            }
            log.warn("GitLab {} failed (attempt {} of {}): {}; retrying in {} ms", what, number,
                    policy.maxAttempts(), failure.getMessage(), decision.delay.toMillis());
            vertx.setTimer(Math.max(1, decision.delay.toMillis()),
                    id -> run(what, attempt, recheck, number + 1, decision.ambiguous, result));
        });
    }

    private Decision decide(Throwable failure, int number) {
        boolean lastAttempt = number >= policy.maxAttempts();
        if (failure instanceof GitLabApiException api) {
            if (api.rateLimited()) {
                Duration wait = api.retryAfter().orElse(policy.backoff(number, random()));
                if (wait.compareTo(policy.maxRetryAfter()) > 0) {
                    return Decision.stop("GitLab asked to retry after " + wait.toSeconds()
                            + " s, longer than gitlab.maxRetryAfterSeconds; the delivery is retried later");
                }
                return lastAttempt ? Decision.stop(null) : new Decision(wait, false, null);
            }
            if (!api.serverError()) {
                return Decision.stop(null);
            }
        }
        return lastAttempt ? Decision.stop(null) : new Decision(policy.backoff(number, random()), true, null);
    }

    private static double random() {
        return ThreadLocalRandom.current().nextDouble();
    }

    private record Decision(Duration delay, boolean ambiguous, String reason) {
        static Decision stop(String reason) {
            return new Decision(null, false, reason);
        }

        Throwable give(Throwable failure) {
            return reason == null ? failure : new IllegalStateException(reason + " (" + failure.getMessage() + ")", failure);
        }
    }
}
