package dev.ticketflow.platform.dispatch;

import java.util.List;

/**
 * Hands accepted events to the plugins subscribed to their type: each plugin independently, in
 * acceptance order per ticket, never letting one plugin's failure or slowness hold up another.
 *
 * <p>Delivery is durable: the intake asks {@link #subscribers} before it appends an event, the
 * event log records one pending delivery per subscriber in the same transaction as the event,
 * and the dispatcher delivers (and retries) from those records.
 */
public interface Dispatcher {

    /**
     * The plugins an event of this type is to be delivered to now. Thread-safe, never blocks.
     *
     * @param eventType the event's type
     * @return the plugin ids, possibly empty
     */
    List<String> subscribers(String eventType);
}
