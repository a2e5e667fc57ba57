package dev.ticketflow.platform.plugin.testplugins;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import dev.ticketflow.platform.plugin.Probe;
import io.vertx.core.Future;
import org.pf4j.Extension;

/** The second version of {@link RecordingPlugin}: records "v2 <event id>". */
@Extension
public final class RecordingPluginV2 implements TicketflowPlugin {

    @Override
    public void register(PluginContext plugin) {
        plugin.on("ticket.*", ctx -> {
            Probe.record(plugin.pluginId(), "v2 " + ctx.event().id());
            return Future.succeededFuture();
        });
    }
}
