package dev.ticketflow.api.port;

import java.util.Objects;

/**
 * Names one ticket in one help-desk installation.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the help-desk installation, as in {@code TicketEvent#source()}
 * @param ticketId the ticket id
 * @since 0.1
 */
public record TicketRef(String source, String ticketId) {
    /** Requires a ticket id. */
    public TicketRef {
        Objects.requireNonNull(ticketId, "ticketId");
    }
}
