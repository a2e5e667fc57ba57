package dev.ticketflow.api.port;

import io.vertx.core.Future;

/**
 * The help-desk port, bound to one ticket. Every call travels as a message on the event bus to
 * the plugin that provides the help desk (a connector such as Zendesk's); the platform first
 * checks the calling plugin's permissions, records the call in the ticket's timeline and skips
 * it in dry-run.
 *
 * <p>A call fails with {@link dev.ticketflow.api.PermissionDeniedException} when the plugin did
 * not declare the permission named on the method, and with a
 * {@link dev.ticketflow.api.PortCallException} when no help desk is loaded or the help desk
 * refused the call. Thread-safe.
 *
 * @since 0.1
 */
public interface HelpDesk {

    /**
     * The ticket this port acts on.
     *
     * @return the ticket reference
     * @since 0.1
     */
    TicketRef ticket();

    /**
     * Adds tags, keeping the tags others set. Permission {@code helpdesk:tag}.
     *
     * @param tags the tags to add
     * @return completes when the help desk has them
     * @since 0.1
     */
    Future<Void> addTags(String... tags);

    /**
     * Removes tags. Permission {@code helpdesk:tag}.
     *
     * @param tags the tags to remove
     * @return completes when removed
     * @since 0.1
     */
    Future<Void> removeTags(String... tags);

    /**
     * Adds an internal note only agents see. Permission {@code helpdesk:comment:internal}.
     *
     * @param body the note, plain text
     * @return completes when posted
     * @since 0.1
     */
    Future<Void> addInternalNote(String body);

    /**
     * Adds a public reply the customer receives. Permission {@code helpdesk:comment:public}.
     *
     * @param body the reply, plain text
     * @return completes when posted
     * @since 0.1
     */
    Future<Void> addPublicReply(String body);

    /**
     * Adds people in copy of the ticket. Permission {@code helpdesk:cc}.
     *
     * @param emails their e-mail addresses
     * @return completes when added
     * @since 0.1
     */
    Future<Void> addCc(String... emails);

    /**
     * Assigns the ticket to a group (queue). Permission {@code helpdesk:assign}.
     *
     * @param group the group's name or id
     * @return completes when assigned
     * @since 0.1
     */
    Future<Void> assignGroup(String group);

    /**
     * Reads the ticket and its comments as the help desk has them now. Permission
     * {@code helpdesk:read}.
     *
     * @return the snapshot
     * @since 0.1
     */
    Future<TicketSnapshot> read();
}
