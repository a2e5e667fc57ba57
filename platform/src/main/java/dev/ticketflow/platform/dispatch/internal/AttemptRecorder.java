package dev.ticketflow.platform.dispatch.internal;

import dev.ticketflow.platform.dispatch.DeliveryOutcome;
import dev.ticketflow.platform.dispatch.DeliveryOutcome.Outcome;
import dev.ticketflow.platform.dispatch.DeliveryState;
import dev.ticketflow.platform.dispatch.DeliveryStore;
import dev.ticketflow.platform.dispatch.DueDelivery;
import dev.ticketflow.platform.metrics.PlatformMetrics;
import io.vertx.core.eventbus.EventBus;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells everyone about the result of an attempt: the store (not waited for: until the result is
 * on disk the delivery is simply still open, and a restart delivers it again), observers on the
 * event bus ({@link DeliveryOutcome}), the metrics and the log.
 */
final class AttemptRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(PluginDeliveries.class);

    private final String pluginId;
    private final DeliveryStore store;
    private final EventBus bus;
    private final PlatformMetrics metrics;

    AttemptRecorder(String pluginId, DeliveryStore store, EventBus bus, PlatformMetrics metrics) {
        this.pluginId = pluginId;
        this.store = store;
        this.bus = bus;
        this.metrics = metrics;
    }

    void succeeded(DueDelivery delivery, int attempt, long nanos) {
        record(delivery, DeliveryState.SUCCEEDED, null, null);
        publish(delivery, attempt, Outcome.SUCCEEDED, DeliveryState.SUCCEEDED, null, nanos);
    }

    void retrying(DueDelivery delivery, int attempt, Outcome outcome, String error, Duration wait, long retryAt,
            long nanos) {
        LOG.warn("Plugin '{}' failed event {} ({}, ticket {}) on attempt {}; retrying in {} ({})", pluginId,
                delivery.event().id(), delivery.event().type(), delivery.ticketId(), attempt, readable(wait), error);
        record(delivery, DeliveryState.RETRYING, Instant.ofEpochMilli(retryAt), error);
        publish(delivery, attempt, outcome, DeliveryState.RETRYING, error, nanos);
        metrics.retryScheduled(pluginId);
    }

    void dead(DueDelivery delivery, int attempt, Outcome outcome, String error, long nanos) {
        LOG.warn("Plugin '{}' failed event {} ({}, ticket {}) on attempt {}, the last: it is a dead letter ({})",
                pluginId, delivery.event().id(), delivery.event().type(), delivery.ticketId(), attempt, error);
        record(delivery, DeliveryState.DEAD, null, error);
        publish(delivery, attempt, outcome, DeliveryState.DEAD, error, nanos);
        metrics.deadLetter(pluginId);
    }

    void circuitOpened(int failures, Duration coolDown) {
        LOG.warn("Plugin '{}' failed {} deliveries in a row: pausing its deliveries for {}", pluginId, failures,
                readable(coolDown));
        metrics.circuit(pluginId, true);
        metrics.circuitOpened(pluginId);
    }

    void circuitClosed() {
        LOG.info("Plugin '{}' handled a delivery again: its deliveries resume", pluginId);
        metrics.circuit(pluginId, false);
    }

    private void record(DueDelivery delivery, DeliveryState state, Instant nextAttemptAt, String error) {
        store.recordAttempt(delivery.id(), state, delivery.attempts() + 1, nextAttemptAt, error).onFailure(failure ->
                LOG.warn("Recording the {} attempt of delivery {} to plugin '{}' failed ({}); it stays open and is"
                        + " delivered again at the next start", state.wireName(), delivery.id(), pluginId,
                        failure.toString()));
    }

    private void publish(DueDelivery delivery, int attempt, Outcome outcome, DeliveryState state, String error,
            long nanos) {
        metrics.delivery(pluginId, outcome.tag(), nanos);
        bus.publish(DeliveryOutcome.ADDRESS, new DeliveryOutcome(pluginId, delivery.event().id(), delivery.ticketId(),
                attempt, outcome, error, nanos, delivery.id(), state));
    }

    /** "4.8 s", "5 min", "10 h": how operators read a wait. */
    static String readable(Duration wait) {
        long millis = wait.toMillis();
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1_000.0);
        }
        if (millis < 3_600_000) {
            return String.format(Locale.ROOT, "%.1f min", millis / 60_000.0);
        }
        return String.format(Locale.ROOT, "%.1f h", millis / 3_600_000.0);
    }
}
