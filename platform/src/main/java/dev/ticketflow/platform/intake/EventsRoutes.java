package dev.ticketflow.platform.intake;

import dev.ticketflow.platform.config.TicketflowConfig;
import dev.ticketflow.platform.metrics.PlatformMetrics;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** STUB: POST /events and GET /openapi.yaml. */
public final class EventsRoutes {
    private EventsRoutes() {}

    public static void mount(Router router, Vertx vertx, TicketflowConfig config, Intake intake,
            PlatformMetrics metrics) {}
}
