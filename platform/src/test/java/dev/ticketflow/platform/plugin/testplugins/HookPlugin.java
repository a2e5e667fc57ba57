package dev.ticketflow.platform.plugin.testplugins;

import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import org.pf4j.Extension;

/** Adds GET /hooks/<id>/ping answering "pong from <id>". */
@Extension
public final class HookPlugin implements TicketflowPlugin {

    @Override
    public void register(PluginContext plugin) {
        plugin.router().get("/ping").handler(request -> request.response().end("pong from " + plugin.pluginId()));
    }
}
