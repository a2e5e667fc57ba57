package dev.ticketflow.platform.plugin.testplugins;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import io.vertx.core.Future;
import org.pf4j.Extension;

/** Registers fine, then fails its onStart future. */
@Extension
public final class FailsOnStartPlugin implements TicketflowPlugin {

    @Override
    public void register(PluginContext plugin) {
        plugin.on("ticket.created", ctx -> Future.succeededFuture());
    }

    @Override
    public Future<Void> onStart(PluginContext plugin) {
        return Future.failedFuture("vendor API unreachable");
    }
}
