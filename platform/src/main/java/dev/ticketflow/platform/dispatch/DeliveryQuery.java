package dev.ticketflow.platform.dispatch;

/**
 * Which deliveries to list, newest first, one page at a time. Every filter is optional
 * ({@code null}: any).
 *
 * @param state only deliveries in this state
 * @param deadLettersOnly only dead letters not retried yet (implies {@code state=DEAD})
 * @param pluginId only deliveries to this plugin
 * @param ticketId only deliveries of this ticket's events
 * @param eventId only deliveries of this event
 * @param before only deliveries with a smaller id (the previous page's {@code next})
 * @param limit the most deliveries on the page
 */
public record DeliveryQuery(
        DeliveryState state, boolean deadLettersOnly, String pluginId, String ticketId, String eventId, Long before,
        int limit) {

    /** The largest page. */
    public static final int MAX_LIMIT = 1_000;
    /** The page size when none is asked. */
    public static final int DEFAULT_LIMIT = 100;

    public DeliveryQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }
}
