package dev.ticketflow.plugins.zendesk.inbound;

import static dev.ticketflow.plugins.zendesk.ZendeskValues.id;
import static dev.ticketflow.plugins.zendesk.ZendeskValues.lower;
import static dev.ticketflow.plugins.zendesk.ZendeskValues.text;

import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.Person;
import dev.ticketflow.api.event.Rating;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.plugins.zendesk.ZendeskValues;
import dev.ticketflow.plugins.zendesk.config.InstanceConfig;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * Maps the body of a trigger or automation webhook written with the shipped template
 * ({@code templates/trigger-*.json}): {@code event_type} says which Ticketflow event it is,
 * {@code ticket} holds the rendered ticket placeholders and, for ratings, {@code satisfaction}
 * the rendered satisfaction placeholders. Placeholders render as plain, often capitalised text
 * ("Solved", "Good"), so every enum is lowercased and blank or "-" means unset.
 */
final class TriggerPayloadMapper {

    static final String EVENT_TYPE = "event_type";
    static final Set<String> SUPPORTED = Set.of(EventTypes.TICKET_CREATED, EventTypes.TICKET_UPDATED,
            EventTypes.TICKET_SOLVED, EventTypes.TICKET_REOPENED, EventTypes.TICKET_RATED);

    private TriggerPayloadMapper() {}

    static Mapping map(JsonObject payload, InstanceConfig instance) {
        String type = lower(Json.value(payload, EVENT_TYPE, EVENT_TYPE));
        if (!SUPPORTED.contains(type)) {
            throw new UnmappablePayloadException(EVENT_TYPE, "is '" + type + "', expected one of " + SUPPORTED
                    + " (comments and field changes come through the event-subscription webhook)");
        }
        Ticket ticket = ticket(Json.object(payload, "ticket", "ticket"), instance);
        TicketEvent event = new TicketEvent(null, type, null, instance.source(), ticket, null, null, null, null);
        if (!type.equals(EventTypes.TICKET_RATED)) {
            return new Mapping.Mapped(event, null);
        }
        JsonObject satisfaction = Json.object(payload, "satisfaction", "satisfaction");
        String rating = lower(satisfaction.getValue("rating"));
        if (rating == null || rating.equals("offered") || rating.equals("unoffered")) {
            return new Mapping.Ignored("the satisfaction rating of ticket " + ticket.id() + " is '"
                    + (rating == null ? "" : rating) + "', not good or bad: no rating to report");
        }
        String score = rating.startsWith(Rating.GOOD) ? Rating.GOOD : rating.startsWith(Rating.BAD) ? Rating.BAD : null;
        if (score == null) {
            throw new UnmappablePayloadException("satisfaction.rating", "is '" + rating + "', expected good or bad");
        }
        return new Mapping.Mapped(event.withRating(new Rating(score, text(satisfaction.getValue("comment")))), null);
    }

    private static Ticket ticket(JsonObject ticket, InstanceConfig instance) {
        String ticketId = id(Json.value(ticket, "id", "ticket.id"));
        if (!ZendeskValues.isTicketId(ticketId)) {
            throw new UnmappablePayloadException("ticket.id", "is not a ticket id: " + ticketId);
        }
        return new Ticket(
                ticketId,
                instance.agentTicketUrl(ticketId),
                text(ticket.getValue("subject")),
                lower(ticket.getValue("status")),
                lower(ticket.getValue("priority")),
                ZendeskValues.tags(ticket.getValue("tags")),
                person(ticket.getValue("requester")),
                person(ticket.getValue("assignee")),
                text(ticket.getValue("group")),
                null,
                Map.of());
    }

    private static Person person(Object value) {
        if (!(value instanceof JsonObject json)) {
            return null;
        }
        Person person = new Person(id(json.getValue("id")), text(json.getValue("name")), text(json.getValue("email")));
        return person.id() == null && person.name() == null && person.email() == null ? null : person;
    }
}
