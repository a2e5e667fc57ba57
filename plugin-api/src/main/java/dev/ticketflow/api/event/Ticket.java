package dev.ticketflow.api.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of a ticket when the event happened.
 *
 * <p>Immutable and thread-safe: the collections are unmodifiable copies, never {@code null}.
 *
 * @param id the help desk's ticket id, always a string
 * @param url where an agent opens the ticket
 * @param subject the ticket's subject line
 * @param status lowercase status: {@code new}, {@code open}, {@code pending}, {@code hold},
 *     {@code solved}, {@code closed}
 * @param priority lowercase priority: {@code low}, {@code normal}, {@code high}, {@code urgent}
 * @param tags the ticket's tags
 * @param requester the customer who asked
 * @param assignee the agent it is assigned to
 * @param group the group (queue) it is assigned to
 * @param form the ticket form, when the help desk has forms
 * @param customFields custom field values by field name or id
 * @since 0.1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ticket(
        String id,
        String url,
        String subject,
        String status,
        String priority,
        List<String> tags,
        Person requester,
        Person assignee,
        String group,
        String form,
        Map<String, Object> customFields) {

    /** Copies the collections so the record stays immutable. */
    public Ticket {
        tags = tags == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tags));
        customFields =
                customFields == null
                        ? Map.of()
                        : Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
    }

    /**
     * A ticket with only an id, for tests and for events about tickets the plugin knows only by id.
     *
     * @param id the ticket id
     * @return a ticket with empty tags and fields
     * @since 0.1
     */
    public static Ticket withId(String id) {
        return new Ticket(id, null, null, null, null, List.of(), null, null, null, null, Map.of());
    }

    /**
     * Whether the ticket carries a tag.
     *
     * @param tag the tag to look for
     * @return {@code true} when present
     * @since 0.1
     */
    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    /**
     * A copy of this ticket with other tags.
     *
     * @param newTags the tags of the copy
     * @return the copy
     * @since 0.1
     */
    public Ticket withTags(List<String> newTags) {
        return new Ticket(id, url, subject, status, priority, newTags, requester, assignee, group,
                form, customFields);
    }

    /**
     * A copy of this ticket with another status.
     *
     * @param newStatus the status of the copy
     * @return the copy
     * @since 0.1
     */
    public Ticket withStatus(String newStatus) {
        return new Ticket(id, url, subject, newStatus, priority, tags, requester, assignee, group,
                form, customFields);
    }
}
