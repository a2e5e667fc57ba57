package dev.ticketflow.platform.eventlog;

import dev.ticketflow.api.event.TicketEvent;
import java.util.List;

/**
 * One event waiting for the writer thread, with the plugins it is to be delivered to. The JSON
 * body is serialized by the caller, so that the single writer thread spends its time on SQLite
 * only.
 *
 * @param event the event (handed to the dispatcher after COMMIT)
 * @param type the event type
 * @param ticketId the ticket id
 * @param occurredAtMillis when the event happened
 * @param acceptedAtMillis when the log received the append
 * @param body the event as JSON
 * @param deliveryId the inbound delivery id, may be {@code null}
 * @param audience the one plugin the event is for (a fired timer), or {@code null} for all
 * @param subscribers the plugins that get a delivery of it
 */
record PendingAppend(
        TicketEvent event,
        String type,
        String ticketId,
        long occurredAtMillis,
        long acceptedAtMillis,
        String body,
        String deliveryId,
        String audience,
        List<String> subscribers) {

    String eventId() {
        return event.id();
    }
}
