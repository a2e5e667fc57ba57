package dev.ticketflow.platform.dispatch;

import java.time.Instant;

/**
 * One delivery as the admin API shows it.
 *
 * @param id the delivery id
 * @param pluginId the plugin
 * @param eventId the event
 * @param eventType the event's type
 * @param eventSeq the event's position in the event log
 * @param ticketId the event's ticket
 * @param state where it stands
 * @param attempts attempts this delivery made
 * @param attemptBase attempts earlier deliveries of the same event to the plugin made
 * @param nextAttemptAt when the next attempt is due (meaningful while open)
 * @param lastError the last failure, or {@code null}
 * @param replay whether an operator asked for it (replay or retried dead letter)
 * @param retriedBy for a retried dead letter, the delivery that retries it; else {@code null}
 * @param createdAt when it was recorded
 * @param updatedAt when its state last changed
 */
public record Delivery(
        long id,
        String pluginId,
        String eventId,
        String eventType,
        long eventSeq,
        String ticketId,
        DeliveryState state,
        int attempts,
        int attemptBase,
        Instant nextAttemptAt,
        String lastError,
        boolean replay,
        Long retriedBy,
        Instant createdAt,
        Instant updatedAt) {

    /** Whether this is a dead letter an operator may retry. */
    public boolean deadLetter() {
        return state == DeliveryState.DEAD && retriedBy == null;
    }
}
