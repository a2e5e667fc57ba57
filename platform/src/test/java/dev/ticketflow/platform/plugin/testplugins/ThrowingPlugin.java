package dev.ticketflow.platform.plugin.testplugins;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import org.pf4j.Extension;

/** Its handler throws. */
@Extension
public final class ThrowingPlugin implements TicketflowPlugin {

    @Override
    public void register(PluginContext plugin) {
        plugin.on("ticket.*", ctx -> {
            throw new IllegalStateException("boom in " + ctx.event().id());
        });
    }
}
