package dev.ticketflow.platform.dispatch;

/**
 * The outcome of one delivery of an event to one plugin, published on {@link #ADDRESS} after
 * the plugin's handlers finished (or failed, or timed out). Observers — the test kit, metrics,
 * the ticket timeline — listen there instead of reaching into the dispatcher.
 *
 * @param pluginId the plugin
 * @param eventId the event
 * @param ticketId the event's ticket
 * @param attempt which attempt this was, from 1
 * @param outcome how it ended
 * @param error the failure message, {@code null} on success
 * @param nanos how long the handlers took
 */
public record DeliveryOutcome(
        String pluginId, String eventId, String ticketId, int attempt, Outcome outcome, String error,
        long nanos) {

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
