package dev.ticketflow.platform.plugin.testplugins;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import io.vertx.core.Promise;
import org.pf4j.Extension;

/** Its handler's future never completes. */
@Extension
public final class HangingPlugin implements TicketflowPlugin {

    @Override
    public void register(PluginContext plugin) {
        plugin.on("ticket.*", ctx -> Promise.<Void>promise().future());
    }
}
