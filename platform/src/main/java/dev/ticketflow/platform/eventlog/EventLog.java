package dev.ticketflow.platform.eventlog;

import dev.ticketflow.api.Accepted;
import dev.ticketflow.api.event.TicketEvent;
import io.vertx.core.Future;
import java.util.List;

/**
 * The durable log of accepted events. {@link #append} completes only once the event is on disk,
 * so that a 202 is never answered for an event that a crash could lose. Implementations never
 * block the calling event loop.
 */
public interface EventLog {

    /**
     * Appends an event that already has its id, unless its delivery id was seen before, together
     * with one pending delivery per subscribed plugin: a completed append means the event and
     * every delivery it owes are on disk.
     *
     * @param event the event, with id and time set
     * @param deliveryId the inbound delivery id ({@code webhook-id}, a vendor's delivery id), or
     *     {@code null} for none
     * @param subscribers the plugins to deliver it to (none is recorded for a duplicate)
     * @return the stored event's id and {@code duplicate=false}, or the first event's id and
     *     {@code duplicate=true} when the delivery id was already known
     */
    Future<Accepted> append(TicketEvent event, String deliveryId, List<String> subscribers);

    /**
     * Appends an event that no plugin is to be delivered.
     *
     * @see #append(TicketEvent, String, List)
     */
    default Future<Accepted> append(TicketEvent event, String deliveryId) {
        return append(event, deliveryId, List.of());
    }

    /**
     * Flushes pending appends and releases the store.
     *
     * @return completes when closed
     */
    Future<Void> close();
}
