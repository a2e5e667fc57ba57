package dev.ticketflow.api.port;

import io.vertx.core.Future;
import java.util.List;

/**
 * What a help-desk connector plugin implements to serve the {@link HelpDesk} port of every other
 * plugin. It is registered with {@code PluginContext#provideHelpDesk} (permission
 * {@code helpdesk:provide}) and called on the connector's own verticle, after the platform has
 * checked the caller's permissions. A failed future fails the caller's port call with its
 * message.
 *
 * @since 0.1
 */
public interface HelpDeskProvider {

    /**
     * Adds tags without removing tags others set.
     *
     * @param ticket the ticket
     * @param tags the tags
     * @return completes when done
     * @since 0.1
     */
    Future<Void> addTags(TicketRef ticket, List<String> tags);

    /**
     * Removes tags.
     *
     * @param ticket the ticket
     * @param tags the tags
     * @return completes when done
     * @since 0.1
     */
    Future<Void> removeTags(TicketRef ticket, List<String> tags);

    /**
     * Adds a comment.
     *
     * @param ticket the ticket
     * @param body plain text
     * @param isPublic {@code true} for a public reply, {@code false} for an internal note
     * @return completes when done
     * @since 0.1
     */
    Future<Void> addComment(TicketRef ticket, String body, boolean isPublic);

    /**
     * Adds people in copy.
     *
     * @param ticket the ticket
     * @param emails their addresses
     * @return completes when done
     * @since 0.1
     */
    Future<Void> addCc(TicketRef ticket, List<String> emails);

    /**
     * Assigns a group.
     *
     * @param ticket the ticket
     * @param group group name or id
     * @return completes when done
     * @since 0.1
     */
    Future<Void> assignGroup(TicketRef ticket, String group);

    /**
     * Reads a ticket and its comments.
     *
     * @param ticket the ticket
     * @return the snapshot
     * @since 0.1
     */
    Future<TicketSnapshot> read(TicketRef ticket);
}
