package dev.ticketflow.platform.plugin.testplugins;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import io.vertx.core.Future;
import org.pf4j.Extension;

/** Its handler returns a failed future. */
@Extension
public final class FailingPlugin implements TicketflowPlugin {

    @Override
    public void register(PluginContext plugin) {
        plugin.on("ticket.*", ctx -> Future.failedFuture("cannot handle " + ctx.event().id()));
    }
}
