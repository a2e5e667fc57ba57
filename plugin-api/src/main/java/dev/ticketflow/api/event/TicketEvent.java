package dev.ticketflow.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One ticket event: something that happened to a ticket in a help desk, or an event a plugin
 * emitted about a ticket. Its JSON form is the body of {@code POST /events} and is stable.
 *
 * <p>Immutable and thread-safe. The same instance is handed to every plugin; the event bus
 * carries it with a local codec, never by serialization.
 *
 * @param id unique event id; {@code null} in an event a plugin is about to emit, in which case
 *     the platform assigns one
 * @param type dotted event type, see {@link EventTypes}
 * @param occurredAt when it happened; the platform fills in the time of acceptance when absent
 * @param source which help-desk installation it came from (for example {@code zendesk:acme}); port
 *     calls made while handling it go to the same installation
 * @param ticket the ticket as it was when the event happened
 * @param comment the added comment, for {@code ticket.comment_added} (and {@code ticket.created}
 *     when the help desk sends the first message)
 * @param rating the rating, for {@code ticket.rated}
 * @param changes changed fields by name, for {@code ticket.updated} and status changes
 * @param data free-form payload of plugin-emitted events (for example the category of
 *     {@code feedback.classified}); values are strings, numbers, booleans, lists and maps
 * @since 0.1
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TicketEvent(
        String id,
        String type,
        Instant occurredAt,
        String source,
        Ticket ticket,
        Comment comment,
        Rating rating,
        Map<String, Change> changes,
        Map<String, Object> data) {

    /** Checks the required parts and copies the maps so the record stays immutable. */
    public TicketEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ticket, "ticket");
        changes = changes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /**
     * A new event of a type about a ticket, without id (assigned when accepted).
     *
     * @param type the dotted event type
     * @param source the help-desk installation
     * @param ticket the ticket
     * @return the event
     * @since 0.1
     */
    public static TicketEvent of(String type, String source, Ticket ticket) {
        return new TicketEvent(null, type, null, source, ticket, null, null, null, null);
    }

    /**
     * A follow-up event about the same ticket and source, for plugins that emit their own types
     * (for example {@code feedback.classified}). Id and time are assigned when it is accepted.
     *
     * @param newType the dotted type of the new event
     * @param payload its data
     * @return the new event
     * @since 0.1
     */
    public TicketEvent derive(String newType, Map<String, Object> payload) {
        return new TicketEvent(null, newType, null, source, ticket, null, null, null, payload);
    }

    /**
     * A copy with an id and time of acceptance.
     *
     * @param newId the id
     * @param at the time, used only when {@link #occurredAt()} is {@code null}
     * @return the copy
     * @since 0.1
     */
    public TicketEvent withIdAndTime(String newId, Instant at) {
        return new TicketEvent(newId, type, occurredAt == null ? at : occurredAt, source, ticket,
                comment, rating, changes, data);
    }

    /**
     * A copy with a comment.
     *
     * @param newComment the comment
     * @return the copy
     * @since 0.1
     */
    public TicketEvent withComment(Comment newComment) {
        return new TicketEvent(id, type, occurredAt, source, ticket, newComment, rating, changes, data);
    }

    /**
     * A copy with a rating.
     *
     * @param newRating the rating
     * @return the copy
     * @since 0.1
     */
    public TicketEvent withRating(Rating newRating) {
        return new TicketEvent(id, type, occurredAt, source, ticket, comment, newRating, changes, data);
    }

    /**
     * A copy with changes.
     *
     * @param newChanges the changes
     * @return the copy
     * @since 0.1
     */
    public TicketEvent withChanges(Map<String, Change> newChanges) {
        return new TicketEvent(id, type, occurredAt, source, ticket, comment, rating, newChanges, data);
    }

    /**
     * The id of the ticket the event is about.
     *
     * @return the ticket id
     * @since 0.1
     */
    public String ticketId() {
        return ticket.id();
    }
}
