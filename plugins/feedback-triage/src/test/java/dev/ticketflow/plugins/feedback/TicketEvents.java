package dev.ticketflow.plugins.feedback;

import dev.ticketflow.api.event.Author;
import dev.ticketflow.api.event.AuthorRole;
import dev.ticketflow.api.event.Comment;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.Person;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import java.util.List;
import java.util.Map;

/** Builds the ticket events the tests deliver. */
final class TicketEvents {

    static final String SOURCE = "zendesk:acme";

    private TicketEvents() {}

    static Ticket ticket(String id, String subject, List<String> tags, String form, Map<String, Object> fields) {
        return new Ticket(id, "https://acme.zendesk.com/agent/tickets/" + id, subject, "open", "normal",
                tags, new Person("100", "Casey Customer", "casey@example.com"),
                new Person("200", "Alex Agent", "alex@example.com"), "Support", form, fields);
    }

    static Ticket ticket(String id, String subject, String... tags) {
        return ticket(id, subject, List.of(tags), null, Map.of());
    }

    static TicketEvent created(Ticket ticket, String description) {
        TicketEvent event = TicketEvent.of(EventTypes.TICKET_CREATED, SOURCE, ticket);
        return description == null ? event : event.withComment(customerComment(description));
    }

    static TicketEvent updated(Ticket ticket) {
        return TicketEvent.of(EventTypes.TICKET_UPDATED, SOURCE, ticket);
    }

    static TicketEvent commentAdded(Ticket ticket, Comment comment) {
        return TicketEvent.of(EventTypes.TICKET_COMMENT_ADDED, SOURCE, ticket).withComment(comment);
    }

    static Comment customerComment(String body) {
        return new Comment("c-" + body.hashCode(), new Author("100", "Casey Customer", "casey@example.com",
                AuthorRole.END_USER), body, true);
    }

    static Comment agentComment(String body) {
        return new Comment("a-" + body.hashCode(), new Author("200", "Alex Agent", "alex@example.com",
                AuthorRole.AGENT), body, true);
    }
}
