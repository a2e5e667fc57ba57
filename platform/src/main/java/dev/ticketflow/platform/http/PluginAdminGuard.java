package dev.ticketflow.platform.http;

import dev.ticketflow.platform.admin.BearerAuth;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Puts every plugin's {@code /hooks/<plugin-id>/admin/…} routes behind the admin token, so that a
 * plugin can offer operator actions (the Zendesk connector's install, for example) that the
 * command line calls with the same token as {@code /admin}, and no plugin ever sees or checks
 * that token. A request that passed carries {@link #AUTHENTICATED} in its routing context, so a
 * plugin can refuse to act on a platform that does not guard these paths.
 */
public final class PluginAdminGuard implements Handler<RoutingContext> {

    /** The routes guarded, relative to the main router. */
    public static final String PATH = "/hooks/:pluginId/admin/*";
    /** Routing-context key set to {@code Boolean.TRUE} once the admin token was checked. */
    public static final String AUTHENTICATED = "ticketflow.adminAuthenticated";

    private final BearerAuth auth;

    private PluginAdminGuard(String token) {
        this.auth = new BearerAuth(token);
    }

    /**
     * Guards the plugins' admin routes. Must be mounted before any plugin's routes.
     *
     * @param router the HTTP router the plugin routes are mounted on
     * @param adminToken the admin API's bearer token
     */
    public static void mount(Router router, String adminToken) {
        router.route(PATH).handler(new PluginAdminGuard(adminToken));
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (auth.admits(ctx)) {
            ctx.put(AUTHENTICATED, Boolean.TRUE);
            ctx.next();
        }
    }
}
