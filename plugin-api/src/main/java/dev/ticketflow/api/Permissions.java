package dev.ticketflow.api;

/**
 * The permissions a plugin declares in its descriptor ({@code plugin.permissions}). A port call
 * outside them is refused before it reaches the connector.
 *
 * @since 0.1
 */
public final class Permissions {

    /** Add and remove tags. @since 0.1 */
    public static final String HELPDESK_TAG = "helpdesk:tag";
    /** Post internal notes. @since 0.1 */
    public static final String HELPDESK_COMMENT_INTERNAL = "helpdesk:comment:internal";
    /** Post public replies. @since 0.1 */
    public static final String HELPDESK_COMMENT_PUBLIC = "helpdesk:comment:public";
    /** Add people in copy. @since 0.1 */
    public static final String HELPDESK_CC = "helpdesk:cc";
    /** Assign a group. @since 0.1 */
    public static final String HELPDESK_ASSIGN = "helpdesk:assign";
    /** Read tickets and comments. @since 0.1 */
    public static final String HELPDESK_READ = "helpdesk:read";
    /** Provide the help desk to other plugins (connectors). @since 0.1 */
    public static final String HELPDESK_PROVIDE = "helpdesk:provide";
    /** Send e-mail. @since 0.1 */
    public static final String MAIL_SEND = "mail:send";
    /** Emit or ingest events. @since 0.1 */
    public static final String EVENTS_EMIT = "events:emit";

    private Permissions() {}
}
