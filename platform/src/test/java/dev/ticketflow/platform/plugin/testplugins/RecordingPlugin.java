package dev.ticketflow.platform.plugin.testplugins;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import dev.ticketflow.platform.plugin.Probe;
import io.vertx.core.Future;
import org.pf4j.Extension;

/** Records "v1 <event id>" for every event matching config {@code handle} (default ticket.*). */
@Extension
public final class RecordingPlugin implements TicketflowPlugin {

    @Override
    public void register(PluginContext plugin) {
        plugin.on(plugin.config().getString("handle", "ticket.*"), ctx -> {
            Probe.record(plugin.pluginId(), "v1 " + ctx.event().id());
            return Future.succeededFuture();
        });
    }
}
