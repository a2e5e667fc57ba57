package dev.ticketflow.plugins.slack.client;

import dev.ticketflow.api.Log;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries a Slack post that was rate-limited (HTTP 429 or {@code ratelimited}), after
 * {@code Retry-After}, on a Vert.x timer. Only rate limits are retried here: Slack posts are not
 * idempotent, and after a 5xx or a network error the message may already be in the channel, so
 * those fail the delivery and the platform decides. Hand-written because the retry needs the
 * response's {@code Retry-After} and must stay on the plugin's Vert.x context, which neither
 * resilience4j nor Failsafe offer without leaving it.
 */
public final class RateLimitRetrier {

    private final Vertx vertx;
    private final RetryPolicy policy;
    private final Log log;

    /**
     * Creates the retrier.
     *
     * @param vertx for timers
     * @param policy the policy
     * @param log where waits are logged
     */
    public RateLimitRetrier(Vertx vertx, RetryPolicy policy, Log log) {
        this.vertx = vertx;
        this.policy = policy;
        this.log = log;
    }

    /**
     * Runs a post, retrying rate limits.
     *
     * @param what the post, for logs
     * @param attempt one attempt
     * @param <T> the result
     * @return the first successful result, or the last failure
     */
    public <T> Future<T> call(String what, Supplier<Future<T>> attempt) {
        Promise<T> result = Promise.promise();
        run(what, attempt, 1, result);
        return result.future();
    }

    private <T> void run(String what, Supplier<Future<T>> attempt, int number, Promise<T> result) {
        attempt.get().onSuccess(result::complete).onFailure(failure -> {
            if (!(failure instanceof SlackApiException slack) || !slack.rateLimited() || number >= policy.maxAttempts()) {
                result.fail(failure);
                return;
            }
            Duration wait = slack.retryAfter().orElse(policy.defaultDelay());
            if (wait.compareTo(policy.maxRetryAfter()) > 0) {
                result.fail(new IllegalStateException(failure.getMessage() + "; Slack asked to wait " + wait.toSeconds()
                        + " s, longer than slack.maxRetryAfterSeconds: the delivery is retried later", failure));
                return;
            }
            log.warn("Slack rate-limited {} (attempt {} of {}); retrying in {} ms", what, number, policy.maxAttempts(),
                    wait.toMillis());
            vertx.setTimer(Math.max(1, wait.toMillis()), id -> run(what, attempt, number + 1, result));
        });
    }
}
