package dev.ticketflow.platform.plugin.internal;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Runs asynchronous operations one after another: the host's loads, unloads, scans and admin
 * actions never interleave, so a plugin's state changes in one place at a time. Thread-safe.
 */
public final class OperationQueue {

    private Future<?> tail = Future.succeededFuture();

    /**
     * Queues an operation after the ones already queued.
     *
     * @param operation starts the operation; a thrown exception fails it
     * @return the operation's outcome
     */
    public synchronized <T> Future<T> submit(Supplier<Future<T>> operation) {
        Future<T> next = tail.transform(previous -> {
            try {
                return operation.get();
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
        });
        tail = next;
        return next;
    }
}
