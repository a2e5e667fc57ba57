package dev.ticketflow.platform.plugin.testplugins;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import io.vertx.core.Future;
import org.pf4j.Extension;

/** Handles ticket.solved although its descriptor subscribes to ticket.created only. */
@Extension
public final class UndeclaredHandlerPlugin implements TicketflowPlugin {

    @Override
    public void register(PluginContext plugin) {
        plugin.on("ticket.solved", ctx -> Future.succeededFuture());
    }
}
