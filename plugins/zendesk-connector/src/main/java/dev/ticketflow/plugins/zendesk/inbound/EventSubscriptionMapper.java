package dev.ticketflow.plugins.zendesk.inbound;

import static dev.ticketflow.plugins.zendesk.ZendeskValues.id;
import static dev.ticketflow.plugins.zendesk.ZendeskValues.lower;
import static dev.ticketflow.plugins.zendesk.ZendeskValues.text;

import dev.ticketflow.api.event.Author;
import dev.ticketflow.api.event.AuthorRole;
import dev.ticketflow.api.event.Change;
import dev.ticketflow.api.event.Comment;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.Person;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.plugins.zendesk.ZendeskValues;
import dev.ticketflow.plugins.zendesk.config.InstanceConfig;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps Zendesk event-subscription payloads ({@code "type": "zen:event-type:ticket.…"}) to
 * Ticketflow events. In these payloads ids are strings and enums UPPERCASE; both are
 * normalised. {@code detail} is the ticket, {@code event} the type-specific change.
 */
final class EventSubscriptionMapper {

    static final String TYPE_PREFIX = "zen:event-type:";
    private static final Set<String> CLOSED = Set.of("solved", "closed");

    private EventSubscriptionMapper() {}

    static Mapping map(JsonObject payload, InstanceConfig instance) {
        String kind = payload.getString("type").substring(TYPE_PREFIX.length());
        JsonObject detail = Json.object(payload, "detail", "detail");
        JsonObject event = payload.getValue("event") instanceof JsonObject json ? json : new JsonObject();
        Ticket ticket = ticket(payload, detail, instance);
        TicketEvent base = new TicketEvent(null, EventTypes.TICKET_UPDATED, time(payload), instance.source(),
                ticket, null, null, null, null);
        TicketEvent mapped = switch (kind) {
            case "ticket.created" -> created(base, detail);
            case "ticket.comment_added" -> commentAdded(base, detail, event);
            case "ticket.status_changed" -> statusChanged(base, event);
            case "ticket.tags_changed" -> tagsChanged(base, event);
            case "ticket.priority_changed" -> changed(base, event, "priority", true);
            case "ticket.agent_assignment_changed" -> changed(base, event, "assignee", false);
            case "ticket.group_assignment_changed" -> changed(base, event, "group", false);
            default -> otherChange(base, kind, event);
        };
        return new Mapping.Mapped(mapped, text(payload.getValue("id")));
    }

    private static Ticket ticket(JsonObject payload, JsonObject detail, InstanceConfig instance) {
        String ticketId = id(detail.getValue("id"));
        if (ticketId == null) {
            // "subject": "zen:ticket:5158" names the ticket too
            String subject = payload.getString("subject", "");
            ticketId = subject.startsWith("zen:ticket:") ? id(subject.substring("zen:ticket:".length())) : null;
        }
        if (!ZendeskValues.isTicketId(ticketId)) {
            throw ticketId == null
                    ? UnmappablePayloadException.missing("detail.id")
                    : new UnmappablePayloadException("detail.id", "is not a ticket id: " + ticketId);
        }
        return new Ticket(
                ticketId,
                instance.agentTicketUrl(ticketId),
                text(detail.getValue("subject")),
                lower(detail.getValue("status")),
                lower(detail.getValue("priority")),
                ZendeskValues.tags(detail.getValue("tags")),
                person(detail.getValue("requester_id")),
                person(detail.getValue("assignee_id")),
                id(detail.getValue("group_id")),
                id(detail.getValue("form_id")),
                Map.of());
    }

    private static TicketEvent created(TicketEvent base, JsonObject detail) {
        TicketEvent created = retype(base, EventTypes.TICKET_CREATED);
        String description = text(detail.getValue("description"));
        if (description == null) {
            return created;
        }
        // the description is the first message; an agent who opens a ticket for a customer is
        // its submitter but not its requester
        String requester = id(detail.getValue("requester_id"));
        String submitter = id(detail.getValue("submitter_id"));
        boolean byAgent = submitter != null && requester != null && !submitter.equals(requester);
        String authorId = submitter != null ? submitter : requester;
        Author author = new Author(authorId, null, null, byAgent ? AuthorRole.AGENT : AuthorRole.END_USER);
        boolean isPublic = !(detail.getValue("is_public") instanceof Boolean flag) || flag;
        return created.withComment(new Comment(null, author, description, isPublic));
    }

    private static TicketEvent commentAdded(TicketEvent base, JsonObject detail, JsonObject event) {
        JsonObject comment = Json.object(event, "comment", "event.comment");
        String body = Json.value(comment, "body", "event.comment.body").toString();
        boolean isPublic = Json.bool(comment, "is_public", "event.comment.is_public");
        JsonObject author = Json.object(comment, "author", "event.comment.author");
        String authorId = id(author.getValue("id"));
        AuthorRole role;
        if (author.getValue("is_staff") != null) {
            role = Json.bool(author, "is_staff", "event.comment.author.is_staff") ? AuthorRole.AGENT : AuthorRole.END_USER;
        } else if (authorId != null && id(detail.getValue("requester_id")) != null) {
            role = authorId.equals(id(detail.getValue("requester_id"))) ? AuthorRole.END_USER : AuthorRole.AGENT;
        } else {
            throw UnmappablePayloadException.missing("event.comment.author.is_staff");
        }
        Author mappedAuthor = new Author(authorId, text(author.getValue("name")), text(author.getValue("email")), role);
        return retype(base, EventTypes.TICKET_COMMENT_ADDED)
                .withComment(new Comment(id(comment.getValue("id")), mappedAuthor, body, isPublic));
    }

    private static TicketEvent statusChanged(TicketEvent base, JsonObject event) {
        String current = lower(Json.value(event, "current", "event.current"));
        String previous = lower(event.getValue("previous"));
        String type;
        if (current.equals("solved")) {
            type = EventTypes.TICKET_SOLVED;
        } else if (previous != null && CLOSED.contains(previous) && !CLOSED.contains(current)) {
            type = EventTypes.TICKET_REOPENED;
        } else {
            type = EventTypes.TICKET_UPDATED;
        }
        TicketEvent changed = new TicketEvent(null, type, base.occurredAt(), base.source(),
                base.ticket().withStatus(current), null, null, null, null);
        return changed.withChanges(Map.of("status", new Change(previous, current)));
    }

    private static TicketEvent tagsChanged(TicketEvent base, JsonObject event) {
        if (event.getValue("tags_added") == null && event.getValue("tags_removed") == null) {
            throw UnmappablePayloadException.missing("event.tags_added");
        }
        List<String> added = ZendeskValues.tags(event.getValue("tags_added"));
        List<String> removed = ZendeskValues.tags(event.getValue("tags_removed"));
        Set<String> after = new LinkedHashSet<>(base.ticket().tags());
        after.addAll(added);
        after.removeAll(removed);
        Set<String> before = new LinkedHashSet<>(after);
        before.removeAll(added);
        before.addAll(removed);
        Ticket ticket = base.ticket().withTags(new ArrayList<>(after));
        return new TicketEvent(null, EventTypes.TICKET_UPDATED, base.occurredAt(), base.source(), ticket, null, null,
                Map.of("tags", new Change(List.copyOf(before), List.copyOf(after))),
                Map.of("tagsAdded", added, "tagsRemoved", removed));
    }

    private static TicketEvent changed(TicketEvent base, JsonObject event, String field, boolean isEnum) {
        Object currentValue = Json.value(event, "current", "event.current");
        Object previousValue = event.getValue("previous");
        Object current = isEnum ? lower(currentValue) : id(currentValue);
        Object previous = isEnum ? lower(previousValue) : id(previousValue);
        return base.withChanges(Map.of(field, new Change(previous, current)));
    }

    /** Other {@code *_changed} events carry {@code current}/{@code previous} the same way. */
    private static TicketEvent otherChange(TicketEvent base, String kind, JsonObject event) {
        if (!kind.startsWith("ticket.") || !kind.endsWith("_changed")) {
            throw new UnmappablePayloadException("type", "is not a ticket event Ticketflow maps: " + TYPE_PREFIX + kind);
        }
        String field = kind.substring("ticket.".length(), kind.length() - "_changed".length());
        return changed(base, event, field, false);
    }

    private static TicketEvent retype(TicketEvent event, String type) {
        return new TicketEvent(null, type, event.occurredAt(), event.source(), event.ticket(),
                event.comment(), event.rating(), event.changes(), event.data());
    }

    private static Person person(Object personId) {
        String id = id(personId);
        return id == null ? null : new Person(id, null, null);
    }

    private static Instant time(JsonObject payload) {
        String time = payload.getString("time");
        try {
            return time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException unparseable) {
            return null;
        }
    }
}
