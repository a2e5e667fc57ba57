package dev.ticketflow.platform.admin;

import dev.ticketflow.platform.plugin.PluginHost;
import io.vertx.ext.web.Router;

/** STUB: the admin API under /admin. */
public final class AdminRoutes {
    private AdminRoutes() {}

    public static void mount(Router router, String token, PluginHost host) {}
}
