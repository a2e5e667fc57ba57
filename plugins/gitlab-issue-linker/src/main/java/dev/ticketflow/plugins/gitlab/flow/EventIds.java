package dev.ticketflow.plugins.gitlab.flow;

import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.KeyValueStore;
import dev.ticketflow.plugins.gitlab.config.FeedbackKind;
import dev.ticketflow.plugins.gitlab.state.TicketKey;
import io.vertx.core.Future;

/** The store keys that make handling an event idempotent. */
final class EventIds {

    private EventIds() {}

    /** The event's id; the platform always assigns one, a stand-in keeps odd callers working. */
    static String of(TicketEvent event) {
        return event.id() != null ? event.id()
                : "no-id:" + event.type() + ":" + event.source() + "/" + event.ticketId() + ":" + event.occurredAt();
    }

    /** The key guarding one step of one event. */
    static String effect(String eventId, String step) {
        return "effect/" + eventId + "/" + step;
    }

    /**
     * Claims a ticket for a kind of handling. The first event to claim it owns it; its own
     * redeliveries still own it.
     *
     * @return {@code true} when this event owns the ticket
     */
    static Future<Boolean> claimTicket(KeyValueStore store, FeedbackKind kind, TicketKey ticket, String eventId) {
        String key = "owner/" + kind.category() + "/" + ticket.key();
        return store.putIfAbsent(key, eventId).compose(claimed -> claimed
                ? Future.succeededFuture(true)
                : store.get(key).map(eventId::equals));
    }
}
