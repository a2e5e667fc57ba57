package dev.ticketflow.platform.dispatch;

import dev.ticketflow.api.event.TicketEvent;

/**
 * A delivery the dispatcher still has to make: what it sends and how far its attempts went.
 * Immutable; an attempt that fails yields a new instance via {@link #failed}.
 *
 * @param id the delivery's id; grows in the order deliveries are recorded
 * @param pluginId the plugin
 * @param event the event
 * @param attempts attempts this delivery made so far
 * @param attemptBase attempts earlier deliveries of the same event to the same plugin made (a
 *     replay or a retried dead letter continues their count)
 * @param nextAttemptAt when the next attempt is due, epoch milliseconds of the dispatcher's clock
 * @param replay whether an operator asked for it (replay or retried dead letter)
 */
public record DueDelivery(
        long id, String pluginId, TicketEvent event, int attempts, int attemptBase, long nextAttemptAt,
        boolean replay) {

    /** The ticket whose order this delivery keeps. */
    public String ticketId() {
        return event.ticketId();
    }

    /** The number the next attempt carries, from 1; what {@code EventContext.attempt()} shows. */
    public int nextAttemptNumber() {
        return attemptBase + attempts + 1;
    }

    /**
     * This delivery after one more failed attempt.
     *
     * @param retryAt when the next attempt is due
     * @return the updated delivery
     */
    public DueDelivery failed(long retryAt) {
        return new DueDelivery(id, pluginId, event, attempts + 1, attemptBase, retryAt, replay);
    }
}
