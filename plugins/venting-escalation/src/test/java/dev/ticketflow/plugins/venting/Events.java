package dev.ticketflow.plugins.venting;

import dev.ticketflow.api.event.Author;
import dev.ticketflow.api.event.AuthorRole;
import dev.ticketflow.api.event.Comment;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.Person;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import java.util.List;
import java.util.Map;

/** Builds the events the tests deliver. */
final class Events {

    private Events() {}

    static Ticket ticket(String id, String subject) {
        return new Ticket(id, "https://help.example.com/tickets/" + id, subject, "open", "normal", List.of(),
                new Person("c1", "Casey Customer", "casey@example.com"),
                new Person("a1", "Priya Raman", "priya@support.example.com"), "support", null, Map.of());
    }

    static TicketEvent comment(String eventId, String ticketId, AuthorRole role, boolean isPublic, String body) {
        Author author = role == AuthorRole.END_USER
                ? new Author("c1", "Casey Customer", "casey@example.com", role)
                : new Author("a1", "Priya Raman", "priya@support.example.com", role);
        return new TicketEvent(eventId, EventTypes.TICKET_COMMENT_ADDED, null, "test", ticket(ticketId, "Runner problem"),
                new Comment("comment-" + eventId, author, body, isPublic), null, null, null);
    }

    static TicketEvent customerComment(String eventId, String ticketId, String body) {
        return comment(eventId, ticketId, AuthorRole.END_USER, true, body);
    }

    static TicketEvent created(String eventId, String ticketId, String subject, Comment comment) {
        return new TicketEvent(eventId, EventTypes.TICKET_CREATED, null, "test", ticket(ticketId, subject), comment,
                null, null, null);
    }
}
