package dev.ticketflow.plugins.slack.state;

import dev.ticketflow.api.Log;
import dev.ticketflow.api.port.KeyValueStore;
import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Posts a message at most once per key: the key is claimed with {@code putIfAbsent} before the
 * post, marked done after it, and released when the post fails so the delivery's retry posts it.
 * A key left "pending" (a handler that timed out and still runs, or died mid-post) is skipped
 * with a warning: a missing Slack message is better than a doubled page.
 */
public final class Once {

    private static final String PENDING = "pending";
    private static final String DONE = "done";

    private final KeyValueStore store;
    private final Log log;

    /**
     * Creates the guard.
     *
     * @param store the plugin's store
     * @param log the plugin's log
     */
    public Once(KeyValueStore store, Log log) {
        this.store = store;
        this.log = log;
    }

    /**
     * Runs an effect unless it already ran.
     *
     * @param key the idempotency key
     * @param effect the effect
     * @return {@code true} when it ran now
     */
    public Future<Boolean> run(String key, Supplier<Future<?>> effect) {
        return store.putIfAbsent(key, PENDING).compose(claimed -> {
            if (!claimed) {
                return store.get(key).map(state -> {
                    if (!DONE.equals(state)) {
                        log.warn("skipping '{}': an earlier attempt started it and did not finish", key);
                    }
                    return false;
                });
            }
            Future<?> started;
            try {
                started = effect.get();
            } catch (RuntimeException e) {
                started = Future.failedFuture(e);
            }
            return started.transform(outcome -> outcome.succeeded()
                    ? store.put(key, DONE).map(true)
                    : store.delete(key).transform(ignored -> Future.<Boolean>failedFuture(outcome.cause())));
        });
    }
}
