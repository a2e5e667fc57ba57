package dev.ticketflow.platform.plugin;

import dev.ticketflow.platform.config.TicketflowConfig;
import dev.ticketflow.platform.dispatch.PluginDispatcher;
import dev.ticketflow.platform.intake.Intake;
import dev.ticketflow.platform.metrics.PlatformMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.List;

/** STUB: the PF4J plugin host. */
public final class Pf4jPluginHost implements PluginHost {

    public Pf4jPluginHost(Vertx vertx, TicketflowConfig config, PluginDispatcher dispatcher,
            Intake intake, Router router, PlatformMetrics metrics) {}

    @Override
    public Future<Void> start() {
        return Future.succeededFuture();
    }

    @Override
    public List<PluginInfo> plugins() {
        return List.of();
    }

    @Override
    public Future<PluginInfo> enable(String pluginId) {
        return Future.failedFuture(new UnknownPluginException(pluginId));
    }

    @Override
    public Future<PluginInfo> disable(String pluginId) {
        return Future.failedFuture(new UnknownPluginException(pluginId));
    }

    @Override
    public Future<PluginInfo> reload(String pluginId) {
        return Future.failedFuture(new UnknownPluginException(pluginId));
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }
}
