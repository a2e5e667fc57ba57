package dev.ticketflow.api.port;

import dev.ticketflow.api.event.TicketEvent;
import io.vertx.core.Future;
import java.time.Instant;

/**
 * Timers that deliver an event back to the plugin that scheduled it. Keys are per plugin;
 * scheduling an existing key replaces its timer. Thread-safe.
 *
 * @since 0.1
 */
public interface Scheduler {

    /**
     * Delivers {@code event} to this plugin at or after {@code at}.
     *
     * @param key the timer's key, unique within the plugin
     * @param at when to fire
     * @param event the event to deliver; its type must be one the plugin subscribes to
     * @return completes when the timer is recorded
     * @since 0.1
     */
    Future<Void> schedule(String key, Instant at, TicketEvent event);

    /**
     * Cancels a timer; cancelling an unknown key does nothing.
     *
     * @param key the timer's key
     * @return {@code true} when a timer was cancelled
     * @since 0.1
     */
    Future<Boolean> cancel(String key);
}
