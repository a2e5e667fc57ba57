package dev.ticketflow.api.event;

/**
 * The ticket lifecycle event types and the subscription pattern rules.
 *
 * <p>A subscription pattern is an exact type ({@code ticket.created}), a prefix wildcard
 * ({@code ticket.*} matches every type that starts with {@code ticket.}) or {@code *} (every
 * type). Plugins may emit their own dotted types, such as {@code feedback.classified}.
 *
 * @since 0.1
 */
public final class EventTypes {

    /** A ticket was created. @since 0.1 */
    public static final String TICKET_CREATED = "ticket.created";
    /** A ticket's fields changed (tags, priority, assignee, group, status other than solve/reopen). @since 0.1 */
    public static final String TICKET_UPDATED = "ticket.updated";
    /** A comment was added. @since 0.1 */
    public static final String TICKET_COMMENT_ADDED = "ticket.comment_added";
    /** A ticket was solved. @since 0.1 */
    public static final String TICKET_SOLVED = "ticket.solved";
    /** A solved ticket was reopened. @since 0.1 */
    public static final String TICKET_REOPENED = "ticket.reopened";
    /** The customer rated the support they got. @since 0.1 */
    public static final String TICKET_RATED = "ticket.rated";

    private EventTypes() {}

    /**
     * Whether a subscription pattern covers an event type.
     *
     * @param pattern exact type, {@code prefix.*} or {@code *}
     * @param type a concrete event type
     * @return {@code true} when the pattern matches
     * @since 0.1
     */
    public static boolean matches(String pattern, String type) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith(".*")) {
            return type.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(type);
    }

    /**
     * Whether a text is a valid event type or pattern: lowercase dotted words, optionally ending
     * in {@code .*}, or {@code *} alone.
     *
     * @param pattern the text to check
     * @return {@code true} when valid
     * @since 0.1
     */
    public static boolean isValidPattern(String pattern) {
        return pattern.equals("*") || pattern.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*(\\.\\*)?");
    }
}
