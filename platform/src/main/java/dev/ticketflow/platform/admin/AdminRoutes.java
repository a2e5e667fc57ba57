package dev.ticketflow.platform.admin;

import dev.ticketflow.platform.dispatch.DeliveryStore;
import dev.ticketflow.platform.http.Problem;
import dev.ticketflow.platform.plugin.PluginHost;
import dev.ticketflow.platform.plugin.PluginInfo;
import dev.ticketflow.platform.plugin.UnknownPluginException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;

/**
 * The admin API under {@code /admin}, behind a bearer token:
 * <ul>
 *   <li>{@code GET /admin/plugins} — every known plugin</li>
 *   <li>{@code GET /admin/plugins/{id}} — one plugin</li>
 *   <li>{@code POST /admin/plugins/{id}/enable|disable|reload} — the plugin afterwards</li>
 *   <li>deliveries, dead letters and replay: see {@link DeliveryRoutes}</li>
 * </ul>
 */
public final class AdminRoutes {

    private AdminRoutes() {}

    /**
     * Mounts the admin API.
     *
     * @param router the HTTP router
     * @param token the bearer token every request must carry
     * @param host the plugin host
     */
    public static void mount(Router router, String token, PluginHost host) {
        mountPlugins(router, token, host);
    }

    /**
     * Mounts the admin API with the delivery routes.
     *
     * @param router the HTTP router
     * @param token the bearer token every request must carry
     * @param host the plugin host
     * @param deliveries the deliveries to plugins
     */
    public static void mount(Router router, String token, PluginHost host, DeliveryStore deliveries) {
        mountPlugins(router, token, host);
        DeliveryRoutes.mount(router, deliveries, host);
    }

    private static void mountPlugins(Router router, String token, PluginHost host) {
        router.route("/admin/*").handler(new BearerAuth(token));
        router.get("/admin/plugins").handler(ctx -> json(ctx, 200, list(host)));
        router.get("/admin/plugins/:id").handler(ctx -> {
            String id = ctx.pathParam("id");
            host.plugins().stream().filter(p -> p.id().equals(id)).findFirst().ifPresentOrElse(
                    plugin -> json(ctx, 200, toJson(plugin).encode()),
                    () -> unknown(ctx, new UnknownPluginException(id)));
        });
        router.post("/admin/plugins/:id/enable").handler(ctx -> act(ctx, host::enable));
        router.post("/admin/plugins/:id/disable").handler(ctx -> act(ctx, host::disable));
        router.post("/admin/plugins/:id/reload").handler(ctx -> act(ctx, host::reload));
    }

    private static void act(RoutingContext ctx, Function<String, Future<PluginInfo>> action) {
        String id = ctx.pathParam("id");
        Future<PluginInfo> result;
        try {
            result = action.apply(id);
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        result.onSuccess(plugin -> json(ctx, 200, toJson(plugin).encode()))
                .onFailure(failure -> {
                    if (failure instanceof UnknownPluginException unknown) {
                        unknown(ctx, unknown);
                    } else {
                        Problem.of(500, "plugin-operation-failed", "Plugin operation failed",
                                "plugin '" + id + "': " + failure.getMessage()).send(ctx);
                    }
                });
    }

    private static void unknown(RoutingContext ctx, UnknownPluginException e) {
        Problem.of(404, "unknown-plugin", "Unknown plugin", e.getMessage())
                .with("pluginId", e.pluginId())
                .send(ctx);
    }

    private static String list(PluginHost host) {
        JsonArray plugins = new JsonArray();
        host.plugins().forEach(plugin -> plugins.add(toJson(plugin)));
        return plugins.encode();
    }

    /**
     * The JSON form of a plugin in the admin API (every member present, {@code lastError} may be
     * {@code null}).
     *
     * @param plugin the plugin
     * @return its JSON
     */
    public static JsonObject toJson(PluginInfo plugin) {
        return new JsonObject()
                .put("id", plugin.id())
                .put("version", plugin.version())
                .put("state", plugin.state())
                .put("file", plugin.file())
                .put("subscriptions", array(plugin.subscriptions()))
                .put("permissions", array(plugin.permissions()))
                .put("lastError", plugin.lastError())
                .put("delivered", plugin.delivered())
                .put("failed", plugin.failed())
                .put("circuit", DeliveryJson.toJson(plugin.circuit()));
    }

    private static JsonArray array(List<String> values) {
        return values == null ? new JsonArray() : new JsonArray(List.copyOf(values));
    }

    private static void json(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }
}
