package dev.ticketflow.platform.dispatch;

/**
 * The outcome of one attempt to deliver an event to one plugin, published on {@link #ADDRESS}
 * after the plugin's handlers finished (or failed, or timed out). A delivery that is retried
 * publishes one outcome per attempt. Observers — the test kit, metrics,
 * the ticket timeline — listen there instead of reaching into the dispatcher.
 *
 * @param pluginId the plugin
 * @param eventId the event
 * @param ticketId the event's ticket
 * @param attempt which attempt this was, from 1
 * @param outcome how it ended
 * @param error the failure message, {@code null} on success
 * @param nanos how long the handlers took
 * @param deliveryId the delivery's id in the store ({@code GET /admin/deliveries/{id}})
 * @param state the delivery's state after this attempt: {@code SUCCEEDED}, {@code RETRYING} (another
 *     attempt follows) or {@code DEAD} (that was the last)
 */
public record DeliveryOutcome(
        String pluginId, String eventId, String ticketId, int attempt, Outcome outcome, String error,
        long nanos, long deliveryId, DeliveryState state) {

    /**
     * An outcome without store details: the delivery id is 0, and the state follows from the
     * outcome (a failure is taken as final).
     */
    public DeliveryOutcome(String pluginId, String eventId, String ticketId, int attempt, Outcome outcome,
            String error, long nanos) {
        this(pluginId, eventId, ticketId, attempt, outcome, error, nanos, 0,
                outcome == Outcome.SUCCEEDED ? DeliveryState.SUCCEEDED : DeliveryState.DEAD);
    }

    /** Where outcomes are published (local codec). */
    public static final String ADDRESS = "ticketflow.deliveries.outcome";

    /** How a delivery ended. */
    public enum Outcome {
        SUCCEEDED("success"),
        FAILED("failure"),
        TIMED_OUT("timeout");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }

        /** The value of the {@code outcome} tag of the delivery metric. */
        public String tag() {
            return tag;
        }
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }
}
