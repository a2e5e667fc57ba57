package dev.ticketflow.platform.eventlog;

import dev.ticketflow.api.Accepted;
import dev.ticketflow.api.event.TicketEvent;
import io.vertx.core.Future;

/**
 * The durable log of accepted events. {@link #append} completes only once the event is on disk,
 * so that a 202 is never answered for an event that a crash could lose. Implementations never
 * block the calling event loop.
 */
public interface EventLog {

    /**
     * Appends an event that already has its id, unless its delivery id was seen before.
     *
     * @param event the event, with id and time set
     * @param deliveryId the inbound delivery id ({@code webhook-id}, a vendor's delivery id), or
     *     {@code null} for none
     * @return the stored event's id and {@code duplicate=false}, or the first event's id and
     *     {@code duplicate=true} when the delivery id was already known
     */
    Future<Accepted> append(TicketEvent event, String deliveryId);

    /**
     * Flushes pending appends and releases the store.
     *
     * @return completes when closed
     */
    Future<Void> close();
}
