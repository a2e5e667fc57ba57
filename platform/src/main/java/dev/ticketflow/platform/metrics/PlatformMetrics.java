package dev.ticketflow.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * The platform's meters, exported in the Prometheus text format on {@code GET /metrics}.
 */
public final class PlatformMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

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
