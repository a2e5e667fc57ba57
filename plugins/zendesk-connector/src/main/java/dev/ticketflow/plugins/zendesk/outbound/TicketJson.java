package dev.ticketflow.plugins.zendesk.outbound;

import static dev.ticketflow.plugins.zendesk.ZendeskValues.id;
import static dev.ticketflow.plugins.zendesk.ZendeskValues.lower;
import static dev.ticketflow.plugins.zendesk.ZendeskValues.text;

import dev.ticketflow.api.event.Author;
import dev.ticketflow.api.event.AuthorRole;
import dev.ticketflow.api.event.Comment;
import dev.ticketflow.api.event.Person;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.plugins.zendesk.ZendeskValues;
import dev.ticketflow.plugins.zendesk.config.InstanceConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps the Support API's ticket, comment and user objects to the event records. */
final class TicketJson {

    private TicketJson() {}

    /** Users of a side-load ({@code include=users}) by id. */
    static Map<String, JsonObject> usersById(JsonArray users) {
        Map<String, JsonObject> byId = new HashMap<>();
        if (users != null) {
            for (Object user : users) {
                if (user instanceof JsonObject json && id(json.getValue("id")) != null) {
                    byId.put(id(json.getValue("id")), json);
                }
            }
        }
        return byId;
    }

    static Ticket ticket(JsonObject ticket, InstanceConfig instance, Map<String, JsonObject> users) {
        String ticketId = id(ticket.getValue("id"));
        Map<String, Object> customFields = new LinkedHashMap<>();
        JsonArray fields = ticket.getJsonArray("custom_fields", new JsonArray());
        for (Object field : fields) {
            if (field instanceof JsonObject json && id(json.getValue("id")) != null) {
                customFields.put(id(json.getValue("id")), json.getValue("value"));
            }
        }
        return new Ticket(
                ticketId,
                instance.agentTicketUrl(ticketId),
                text(ticket.getValue("subject")),
                lower(ticket.getValue("status")),
                lower(ticket.getValue("priority")),
                ZendeskValues.tags(ticket.getValue("tags")),
                person(id(ticket.getValue("requester_id")), users),
                person(id(ticket.getValue("assignee_id")), users),
                id(ticket.getValue("group_id")),
                id(ticket.getValue("ticket_form_id")),
                customFields);
    }

    static Comment comment(JsonObject comment, String requesterId, Map<String, JsonObject> users) {
        String authorId = id(comment.getValue("author_id"));
        JsonObject user = users.get(authorId);
        Author author = new Author(
                authorId,
                user == null ? null : user.getString("name"),
                user == null ? null : user.getString("email"),
                role(authorId, user, requesterId));
        String body = comment.getString("plain_body", comment.getString("body"));
        return new Comment(id(comment.getValue("id")), author, body, comment.getBoolean("public", true));
    }

    /** The author's role from the side-loaded user; without one, the requester is the customer. */
    private static AuthorRole role(String authorId, JsonObject user, String requesterId) {
        String role = user == null ? null : lower(user.getValue("role"));
        if (role != null) {
            return role.equals("end-user") ? AuthorRole.END_USER : AuthorRole.AGENT;
        }
        return authorId != null && authorId.equals(requesterId) ? AuthorRole.END_USER : AuthorRole.AGENT;
    }

    private static Person person(String personId, Map<String, JsonObject> users) {
        if (personId == null) {
            return null;
        }
        JsonObject user = users.get(personId);
        return new Person(personId, user == null ? null : user.getString("name"), user == null ? null : user.getString("email"));
    }
}
