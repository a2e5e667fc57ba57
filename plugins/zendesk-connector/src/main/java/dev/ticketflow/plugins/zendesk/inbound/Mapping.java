package dev.ticketflow.plugins.zendesk.inbound;

import dev.ticketflow.api.event.TicketEvent;

/** What a webhook payload maps to: an event, or nothing Ticketflow acts on (with the reason). */
public sealed interface Mapping {

    /**
     * An event to ingest.
     *
     * @param event the event
     * @param payloadId the payload's own id for de-duplication when the invocation header is
     *     missing; {@code null} when it has none
     */
    record Mapped(TicketEvent event, String payloadId) implements Mapping {}

    /** A valid payload that carries no event, e.g. a satisfaction survey merely offered. */
    record Ignored(String reason) implements Mapping {}
}
