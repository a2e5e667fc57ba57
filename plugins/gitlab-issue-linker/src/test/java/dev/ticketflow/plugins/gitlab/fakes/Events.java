package dev.ticketflow.plugins.gitlab.fakes;

import dev.ticketflow.api.event.Author;
import dev.ticketflow.api.event.AuthorRole;
import dev.ticketflow.api.event.Comment;
import dev.ticketflow.api.event.Person;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Realistic events for tests. */
public final class Events {

    public static final String SOURCE = "zendesk:acme";
    public static final Person REQUESTER = new Person("900", "Jane Roe", "jane.roe@customer.example");

    private Events() {}

    public static Ticket ticket(String id, String subject, List<String> tags) {
        return new Ticket(id, "https://acme.zendesk.com/agent/tickets/" + id, subject, "open", "high", tags,
                REQUESTER, null, null, null, Map.of());
    }

    public static TicketEvent classified(String eventId, String ticketId, String subject, String category) {
        return new TicketEvent(eventId, "feedback.classified", Instant.parse("2026-03-01T10:00:00Z"), SOURCE,
                ticket(ticketId, subject, List.of("feedback")), null, null, null,
                Map.of("category", category, "signals", List.of("keyword:" + category)));
    }

    public static TicketEvent created(String eventId, String ticketId, String subject, List<String> tags, String body) {
        return new TicketEvent(eventId, "ticket.created", Instant.parse("2026-03-01T09:00:00Z"), SOURCE,
                ticket(ticketId, subject, tags), customerComment(body), null, null, null);
    }

    public static Comment customerComment(String body) {
        return new Comment("c-1", new Author("900", REQUESTER.name(), REQUESTER.email(), AuthorRole.END_USER), body, true);
    }
}
