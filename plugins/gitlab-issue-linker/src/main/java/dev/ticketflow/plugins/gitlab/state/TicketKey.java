package dev.ticketflow.plugins.gitlab.state;

import dev.ticketflow.api.port.TicketRef;
import io.vertx.core.json.JsonObject;

/**
 * A ticket as the store remembers it: help-desk installation, id and agent URL.
 *
 * @param source the help-desk installation, may be {@code null}
 * @param ticketId the ticket id
 * @param url where agents open it, may be {@code null}
 */
public record TicketKey(String source, String ticketId, String url) {

    /** The key text, unique per installation and ticket. */
    public String key() {
        return (source == null ? "-" : source) + "/" + ticketId;
    }

    /** The help-desk reference. */
    public TicketRef ref() {
        return new TicketRef(source, ticketId);
    }

    /** As stored. */
    public JsonObject toJson() {
        return new JsonObject().put("source", source).put("ticketId", ticketId).put("url", url);
    }

    /**
     * Reads a stored ticket.
     *
     * @param json as written by {@link #toJson()}
     * @return the ticket
     */
    public static TicketKey fromJson(JsonObject json) {
        return new TicketKey(json.getString("source"), json.getString("ticketId"), json.getString("url"));
    }
}
