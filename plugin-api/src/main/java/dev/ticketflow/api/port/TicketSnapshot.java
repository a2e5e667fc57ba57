package dev.ticketflow.api.port;

import dev.ticketflow.api.event.Comment;
import dev.ticketflow.api.event.Ticket;
import java.util.List;

/**
 * A ticket and its comments as the help desk has them now.
 *
 * <p>Immutable and thread-safe.
 *
 * @param ticket the ticket
 * @param comments its comments, oldest first
 * @since 0.1
 */
public record TicketSnapshot(Ticket ticket, List<Comment> comments) {
    /** Copies the comment list. */
    public TicketSnapshot {
        comments = comments == null ? List.of() : List.copyOf(comments);
    }
}
