package dev.ticketflow.testkit;

import dev.ticketflow.api.event.Author;
import dev.ticketflow.api.event.AuthorRole;
import dev.ticketflow.api.event.Change;
import dev.ticketflow.api.event.Comment;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.Person;
import dev.ticketflow.api.event.Rating;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import java.util.List;
import java.util.Map;

/** Ready-made ticket events for plugin tests, in the shapes connectors produce. */
public final class TestEvents {

    /** The source of events made here. */
    public static final String SOURCE = "test";

    private TestEvents() {}

    /** An open ticket with a subject, a requester and tags. */
    public static Ticket ticket(String id, String subject, String... tags) {
        return new Ticket(id, "https://help.example.com/agent/tickets/" + id, subject, "open", "normal",
                List.of(tags), new Person("u-" + id, "Dana Customer", "dana@example.com"),
                new Person("a-1", "Sam Agent", "sam@support.example.com"), "Support", null, Map.of());
    }

    /** {@code ticket.created} for a new ticket. */
    public static TicketEvent created(String ticketId, String subject, String... tags) {
        return TicketEvent.of(EventTypes.TICKET_CREATED, SOURCE, ticket(ticketId, subject, tags).withStatus("new"));
    }

    /** {@code ticket.created} for a ticket. */
    public static TicketEvent created(Ticket ticket) {
        return TicketEvent.of(EventTypes.TICKET_CREATED, SOURCE, ticket);
    }

    /** {@code ticket.comment_added}: a public message from the customer. */
    public static TicketEvent customerComment(String ticketId, String body) {
        return comment(ticket(ticketId, "Ticket " + ticketId), AuthorRole.END_USER, body, true);
    }

    /** {@code ticket.comment_added}: a public reply from an agent. */
    public static TicketEvent agentReply(String ticketId, String body) {
        return comment(ticket(ticketId, "Ticket " + ticketId), AuthorRole.AGENT, body, true);
    }

    /** {@code ticket.comment_added} with any author role and visibility. */
    public static TicketEvent comment(Ticket ticket, AuthorRole role, String body, boolean isPublic) {
        Author author = role == AuthorRole.END_USER
                ? new Author(ticket.requester() == null ? null : ticket.requester().id(), "Dana Customer",
                        "dana@example.com", role)
                : new Author("a-1", "Sam Agent", "sam@support.example.com", role);
        return TicketEvent.of(EventTypes.TICKET_COMMENT_ADDED, SOURCE, ticket)
                .withComment(new Comment(null, author, body, isPublic));
    }

    /** {@code ticket.solved}. */
    public static TicketEvent solved(String ticketId) {
        return TicketEvent.of(EventTypes.TICKET_SOLVED, SOURCE, ticket(ticketId, "Ticket " + ticketId).withStatus("solved"))
                .withChanges(Map.of("status", new Change("open", "solved")));
    }

    /** {@code ticket.reopened}. */
    public static TicketEvent reopened(String ticketId) {
        return TicketEvent.of(EventTypes.TICKET_REOPENED, SOURCE, ticket(ticketId, "Ticket " + ticketId).withStatus("open"))
                .withChanges(Map.of("status", new Change("solved", "open")));
    }

    /** {@code ticket.rated}. */
    public static TicketEvent rated(String ticketId, String score, String comment) {
        return TicketEvent.of(EventTypes.TICKET_RATED, SOURCE, ticket(ticketId, "Ticket " + ticketId).withStatus("solved"))
                .withRating(new Rating(score, comment));
    }
}
