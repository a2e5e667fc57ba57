package dev.ticketflow.platform.dispatch;

import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.config.TicketflowConfig;
import dev.ticketflow.platform.metrics.PlatformMetrics;
import io.vertx.core.Vertx;

/** STUB: dispatches events to plugin verticles. */
public final class PluginDispatcher implements Dispatcher {

    public PluginDispatcher(Vertx vertx, TicketflowConfig config, PlatformMetrics metrics) {}

    @Override
    public void dispatch(TicketEvent event) {}
}
