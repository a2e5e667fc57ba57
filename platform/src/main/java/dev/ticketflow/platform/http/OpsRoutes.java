package dev.ticketflow.platform.http;

import dev.ticketflow.platform.metrics.PlatformMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.function.BooleanSupplier;

/**
 * The operator's routes, open without a token so that probes and Prometheus can reach them:
 * <ul>
 *   <li>{@code GET /health} — 200 while the process serves HTTP (liveness)</li>
 *   <li>{@code GET /ready} — 200 once the initial plugins were started, 503 before (readiness)</li>
 *   <li>{@code GET /metrics} — Prometheus text format</li>
 * </ul>
 */
public final class OpsRoutes {

    /** The content type of the Prometheus text exposition format. */
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    // A registry gets the JVM binders once, even when routes are mounted twice on it.
    private static final String BOUND_MARKER = "jvm.info";

    private OpsRoutes() {}

    /**
     * Mounts the routes and registers the JVM and process meters on the registry.
     *
     * @param router the HTTP router
     * @param metrics the platform's meters
     * @param ready whether the platform is ready to take events
     */
    public static void mount(Router router, PlatformMetrics metrics, BooleanSupplier ready) {
        bindJvmMetrics(metrics.registry());
        router.get("/health").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("status", "UP").encode()));
        router.get("/ready").handler(ctx -> {
            if (ready.getAsBoolean()) {
                ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("status", "READY").encode());
            } else {
                Problem.of(503, "not-ready", "Not ready",
                        "Ticketflow is starting: the plugins are not started yet").send(ctx);
            }
        });
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", PROMETHEUS_TEXT)
                .end(metrics.scrape()));
    }

    private static synchronized void bindJvmMetrics(MeterRegistry registry) {
        if (registry.find(BOUND_MARKER).meter() != null) {
            return;
        }
        new JvmInfoMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }
}
