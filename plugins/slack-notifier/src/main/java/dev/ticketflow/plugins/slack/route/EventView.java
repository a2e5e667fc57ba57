package dev.ticketflow.plugins.slack.route;

import dev.ticketflow.api.event.Author;
import dev.ticketflow.api.event.Change;
import dev.ticketflow.api.event.Comment;
import dev.ticketflow.api.event.Person;
import dev.ticketflow.api.event.Rating;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event as the nested maps conditions and templates see: the event's JSON shape
 * ({@code id}, {@code type}, {@code occurredAt}, {@code source}, {@code ticket}, {@code comment},
 * {@code rating}, {@code changes}, {@code data}) with absent values left out. {@code comment},
 * {@code rating}, {@code changes} and {@code data} are always present (empty when the event has
 * none) so that {@code has(rating.score)} works in a condition. Numbers are {@code Long} or
 * {@code Double}, as CEL expects.
 */
public final class EventView {

    private EventView() {}

    /**
     * The view of an event.
     *
     * @param event the event
     * @return nested maps, lists, strings, numbers and booleans
     */
    public static Map<String, Object> of(TicketEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        putIfPresent(view, "id", event.id());
        view.put("type", event.type());
        putIfPresent(view, "occurredAt", event.occurredAt() == null ? null : event.occurredAt().toString());
        putIfPresent(view, "source", event.source());
        view.put("ticket", ticket(event.ticket()));
        view.put("comment", comment(event.comment()));
        view.put("rating", rating(event.rating()));
        Map<String, Object> changes = new LinkedHashMap<>();
        event.changes().forEach((field, change) -> changes.put(field, change(change)));
        view.put("changes", changes);
        view.put("data", normalise(event.data()));
        return view;
    }

    private static Map<String, Object> ticket(Ticket ticket) {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfPresent(map, "id", ticket.id());
        putIfPresent(map, "url", ticket.url());
        putIfPresent(map, "subject", ticket.subject());
        putIfPresent(map, "status", ticket.status());
        putIfPresent(map, "priority", ticket.priority());
        map.put("tags", List.copyOf(ticket.tags()));
        putIfPresent(map, "requester", person(ticket.requester()));
        putIfPresent(map, "assignee", person(ticket.assignee()));
        putIfPresent(map, "group", ticket.group());
        putIfPresent(map, "form", ticket.form());
        map.put("customFields", normalise(ticket.customFields()));
        return map;
    }

    private static Map<String, Object> person(Person person) {
        if (person == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        putIfPresent(map, "id", person.id());
        putIfPresent(map, "name", person.name());
        putIfPresent(map, "email", person.email());
        return map;
    }

    private static Map<String, Object> comment(Comment comment) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (comment == null) {
            return map;
        }
        putIfPresent(map, "id", comment.id());
        Author author = comment.author();
        if (author != null) {
            Map<String, Object> authorMap = new LinkedHashMap<>();
            putIfPresent(authorMap, "id", author.id());
            putIfPresent(authorMap, "name", author.name());
            putIfPresent(authorMap, "email", author.email());
            putIfPresent(authorMap, "role", author.role() == null ? null : comment.byEndUser() ? "end-user" : "agent");
            map.put("author", authorMap);
        }
        putIfPresent(map, "body", comment.body());
        map.put("public", comment.isPublic());
        return map;
    }

    private static Map<String, Object> rating(Rating rating) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (rating != null) {
            putIfPresent(map, "score", rating.score());
            putIfPresent(map, "comment", rating.comment());
        }
        return map;
    }

    private static Map<String, Object> change(Change change) {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfPresent(map, "from", value(change.from()));
        putIfPresent(map, "to", value(change.to()));
        return map;
    }

    private static Map<String, Object> normalise(Map<?, ?> values) {
        Map<String, Object> map = new LinkedHashMap<>();
        values.forEach((key, value) -> putIfPresent(map, String.valueOf(key), value(value)));
        return map;
    }

    private static Object value(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            return normalise(map);
        }
        if (value instanceof Iterable<?> items) {
            List<Object> list = new ArrayList<>();
            items.forEach(item -> {
                Object normalised = value(item);
                if (normalised != null) {
                    list.add(normalised);
                }
            });
            return list;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float) {
            return ((Float) value).doubleValue();
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double) {
            return value;
        }
        return value.toString();
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
