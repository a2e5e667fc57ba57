package dev.ticketflow.plugins.gitlab.state;

import dev.ticketflow.api.Log;
import dev.ticketflow.api.port.KeyValueStore;
import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Runs a side effect at most once per key, and exactly once unless the process dies while the
 * effect is in flight. The key is claimed with {@code putIfAbsent} before the effect ("pending"),
 * marked "done" after it, and released when the effect fails so the delivery's retry does it.
 *
 * <p>A key found "pending" means an earlier attempt is still running (a handler that timed out)
 * or died mid-call. Where the effect can be checked remotely ({@code alreadyApplied}) the check
 * decides; otherwise the effect is skipped with a warning, because a second public reply is
 * worse than a missing one that an operator can see in the log.
 */
public final class Once {

    static final String PENDING = "pending";
    static final String DONE = "done";

    private final KeyValueStore store;
    private final Log log;

    /**
     * Creates the guard.
     *
     * @param store the plugin's store
     * @param log where skipped effects are reported
     */
    public Once(KeyValueStore store, Log log) {
        this.store = store;
        this.log = log;
    }

    /**
     * Runs an effect unless it already ran.
     *
     * @param key event id + action, e.g. {@code effect/<event>/reply}
     * @param effect the effect
     * @return {@code true} when it ran now, {@code false} when it had already run
     */
    public Future<Boolean> run(String key, Supplier<Future<?>> effect) {
        return run(key, effect, null);
    }

    /**
     * Runs an effect unless it already ran; an ambiguous earlier attempt is resolved by asking
     * whether its effect is visible.
     *
     * @param key event id + action
     * @param effect the effect
     * @param alreadyApplied whether an earlier attempt's effect exists, or {@code null}
     * @return {@code true} when it ran now, {@code false} when it had already run
     */
    public Future<Boolean> run(String key, Supplier<Future<?>> effect, Supplier<Future<Boolean>> alreadyApplied) {
        return store.putIfAbsent(key, PENDING).compose(claimed -> {
            if (claimed) {
                return apply(key, effect);
            }
            return store.get(key).compose(state -> {
                if (DONE.equals(state)) {
                    return Future.succeededFuture(false);
                }
                if (alreadyApplied == null) {
                    log.warn("skipping '{}': an earlier attempt started it and did not finish; check the ticket", key);
                    return Future.succeededFuture(false);
                }
                return alreadyApplied.get().compose(applied -> applied
                        ? store.put(key, DONE).map(false)
                        : apply(key, effect));
            });
        });
    }

    private Future<Boolean> apply(String key, Supplier<Future<?>> effect) {
        Future<?> started;
        try {
            started = effect.get();
        } catch (RuntimeException e) {
            started = Future.failedFuture(e);
        }
        return started.transform(outcome -> outcome.succeeded()
                ? store.put(key, DONE).map(true)
                : store.delete(key).transform(ignored -> Future.<Boolean>failedFuture(outcome.cause())));
    }
}
