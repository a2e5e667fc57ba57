package dev.ticketflow.plugins.survey;

import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.Person;
import dev.ticketflow.api.event.Rating;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds the ticket events the tests deliver. */
final class TicketEvents {

    static final String SOURCE = "zendesk:acme";

    private TicketEvents() {}

    static Ticket ticket(String id, Person assignee) {
        return new Ticket(id, "https://acme.zendesk.com/agent/tickets/" + id, "Pipeline stuck on pending",
                "solved", "normal", List.of("ci"), new Person("100", "Casey Customer", "casey@example.com"),
                assignee, "Support", null, Map.of());
    }

    static Ticket ticket(String id) {
        return ticket(id, new Person("200", "Alex Agent", "alex@example.com"));
    }

    /** An accepted event: with id and time, as the platform delivers it. */
    static TicketEvent event(String type, String id, Instant at, Ticket ticket) {
        return new TicketEvent(id, type, at, SOURCE, ticket, null, null, null, null);
    }

    static TicketEvent solved(String id, Instant at, Ticket ticket) {
        return event(EventTypes.TICKET_SOLVED, id, at, ticket);
    }

    static TicketEvent reopened(String id, Instant at, Ticket ticket) {
        return event(EventTypes.TICKET_REOPENED, id, at, ticket.withStatus("open"));
    }

    static TicketEvent rated(String id, Instant at, Ticket ticket, String score, String comment) {
        return event(EventTypes.TICKET_RATED, id, at, ticket).withRating(new Rating(score, comment));
    }
}
