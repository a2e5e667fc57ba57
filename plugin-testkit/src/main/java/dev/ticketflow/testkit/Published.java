package dev.ticketflow.testkit;

import dev.ticketflow.platform.dispatch.DeliveryOutcome;
import java.util.List;

/**
 * What became of a published event: its id and the outcome of its delivery to each subscribed
 * plugin.
 *
 * @param eventId the event's id
 * @param outcomes one per plugin that received it
 */
public record Published(String eventId, List<DeliveryOutcome> outcomes) {

    public Published {
        outcomes = List.copyOf(outcomes);
    }

    /** Whether every plugin handled the event successfully. */
    public boolean allSucceeded() {
        return outcomes.stream().allMatch(DeliveryOutcome::succeeded);
    }

    /** The outcome for one plugin, or {@code null} when it did not receive the event. */
    public DeliveryOutcome outcome(String pluginId) {
        return outcomes.stream().filter(o -> o.pluginId().equals(pluginId)).findFirst().orElse(null);
    }
}
