package dev.ticketflow.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform's meters, exported in the Prometheus text format on {@code GET /metrics}.
 */
public final class PlatformMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, AtomicInteger> circuitOpen = new ConcurrentHashMap<>();

    public MeterRegistry registry() {
        return registry;
    }

    /**
     * Records one delivery to a plugin.
     *
     * @param pluginId the plugin
     * @param outcome {@code success}, {@code failure}, {@code timeout}
     * @param nanos how long the handler took
     */
    public void delivery(String pluginId, String outcome, long nanos) {
        Timer.builder("ticketflow.plugin.delivery")
                .description("Deliveries of events to plugin handlers, by outcome")
                .tag("plugin", pluginId)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Counts a failed delivery that will be attempted again.
     *
     * @param pluginId the plugin
     */
    public void retryScheduled(String pluginId) {
        Counter.builder("ticketflow.plugin.delivery.retries")
                .description("Failed deliveries scheduled for another attempt")
                .tag("plugin", pluginId)
                .register(registry)
                .increment();
    }

    /**
     * Counts a delivery whose last attempt failed.
     *
     * @param pluginId the plugin
     */
    public void deadLetter(String pluginId) {
        Counter.builder("ticketflow.plugin.dead.letters")
                .description("Deliveries that became dead letters after their last attempt")
                .tag("plugin", pluginId)
                .register(registry)
                .increment();
    }

    /**
     * Sets whether a plugin's circuit breaker pauses its deliveries.
     *
     * @param pluginId the plugin
     * @param open whether deliveries are paused (open or half-open)
     */
    public void circuit(String pluginId, boolean open) {
        circuitOpen.computeIfAbsent(pluginId, id -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("ticketflow.plugin.circuit.open", value, AtomicInteger::get)
                    .description("1 while a plugin's deliveries are paused by its circuit breaker")
                    .tag("plugin", id)
                    .register(registry);
            return value;
        }).set(open ? 1 : 0);
    }

    /**
     * Counts a plugin's circuit breaker opening.
     *
     * @param pluginId the plugin
     */
    public void circuitOpened(String pluginId) {
        Counter.builder("ticketflow.plugin.circuit.opened")
                .description("Times a plugin's circuit breaker paused its deliveries")
                .tag("plugin", pluginId)
                .register(registry)
                .increment();
    }

    /**
     * Counts one request of the event intake.
     *
     * @param outcome {@code accepted}, {@code duplicate} or the problem slug of a refusal
     */
    public void intake(String outcome) {
        Counter.builder("ticketflow.intake.requests")
                .description("Requests to the event intake, by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /**
     * The meters in the Prometheus text exposition format.
     *
     * @return the scrape
     */
    public String scrape() {
        return registry.scrape();
    }
}
