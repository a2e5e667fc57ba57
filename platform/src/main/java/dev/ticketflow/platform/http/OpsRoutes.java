package dev.ticketflow.platform.http;

import dev.ticketflow.platform.metrics.PlatformMetrics;
import io.vertx.ext.web.Router;
import java.util.function.BooleanSupplier;

/** STUB: /health, /ready, /metrics. */
public final class OpsRoutes {
    private OpsRoutes() {}

    public static void mount(Router router, PlatformMetrics metrics, BooleanSupplier ready) {}
}
