package dev.ticketflow.platform.plugin.testplugins;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import io.vertx.core.Future;
import org.pf4j.Extension;

/** Provides the help desk in register, then fails its start. */
@Extension
public final class ConnectorFailingOnStartPlugin implements TicketflowPlugin {

    private final FakeConnectorPlugin connector = new FakeConnectorPlugin();

    @Override
    public void register(PluginContext plugin) {
        connector.register(plugin);
    }

    @Override
    public Future<Void> onStart(PluginContext plugin) {
        return Future.failedFuture("vendor credentials rejected");
    }
}
