package dev.ticketflow.api;

import io.vertx.core.Future;

/**
 * Handles one event delivered to a plugin.
 *
 * <p>The returned future decides the delivery's outcome: succeeded means handled, failed means
 * the platform records the failure (and retries it where the delivery policy says so). A thrown
 * exception counts as a failed future. A handler must never block its thread; handlers that do
 * are timed out, and the platform keeps delivering to every other plugin.
 *
 * <p>The same event may be delivered more than once (after a crash, a retry or a replay);
 * {@link EventContext#event()} and {@link EventContext#attempt()} let a handler be idempotent.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface EventHandler {

    /**
     * Handles the event.
     *
     * @param context the event and the ports to act through
     * @return completes when the event is handled
     * @since 0.1
     */
    Future<Void> handle(EventContext context);
}
