package dev.ticketflow.plugins.zendesk.provision;

import dev.ticketflow.api.Log;
import dev.ticketflow.api.port.KeyValueStore;
import dev.ticketflow.plugins.zendesk.config.InvalidConfigException;
import dev.ticketflow.plugins.zendesk.inbound.Problems;
import dev.ticketflow.plugins.zendesk.outbound.ZendeskApiException;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /hooks/zendesk-connector/admin/install} with {@code {"instance": …, "url": …}}:
 * runs the {@link ZendeskProvisioner} for a configured instance and answers what it created,
 * updated or left alone (never the signing secrets, which stay in the store). This is what
 * {@code ticketflow zendesk install} calls.
 *
 * <p>The platform lets only requests with the admin token reach a plugin's {@code /admin/}
 * routes and marks them; the route refuses to act without that mark, so an install can never
 * run unauthenticated on a platform that does not guard these paths. One install per instance
 * runs at a time: a second one at the same moment is answered 409 rather than racing the first
 * into creating everything twice.
 */
public final class InstallRoute {

    /** The path under the plugin's router. */
    public static final String PATH = "/admin/install";
    /** The routing-context mark the platform sets on requests that carried the admin token. */
    static final String ADMIN_AUTHENTICATED = "ticketflow.adminAuthenticated";

    private final Vertx vertx;
    private final JsonObject pluginConfig;
    private final KeyValueStore store;
    private final Log log;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /**
     * Creates the route.
     *
     * @param vertx Vert.x
     * @param pluginConfig the connector's configuration section
     * @param store the connector's store (signing secrets)
     * @param log the plugin's log
     */
    public InstallRoute(Vertx vertx, JsonObject pluginConfig, KeyValueStore store, Log log) {
        this.vertx = vertx;
        this.pluginConfig = pluginConfig;
        this.store = store;
        this.log = log;
    }

    /**
     * Adds the route.
     *
     * @param router the plugin's router
     */
    public void mount(Router router) {
        router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(64 * 1024)).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        if (!Boolean.TRUE.equals(ctx.get(ADMIN_AUTHENTICATED))) {
            problem(ctx, 403, "admin-token-required", "Admin token required",
                    "this platform did not check the admin token on this request; the install is refused");
            return;
        }
        JsonObject request;
        try {
            request = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            request = null;
        }
        String instance = request == null ? null : request.getString("instance");
        String url = request == null ? null : request.getString("url");
        if (instance == null || instance.isBlank() || url == null || url.isBlank()) {
            problem(ctx, 400, "bad-install-request", "Bad install request",
                    "send a JSON object with 'instance' (a configured Zendesk instance) and 'url'"
                            + " (Ticketflow's public URL)");
            return;
        }
        URI publicUrl;
        try {
            publicUrl = publicUrl(url);
        } catch (IllegalArgumentException e) {
            problem(ctx, 400, "bad-public-url", "Bad public URL", e.getMessage());
            return;
        }
        if (!running.add(instance)) {
            problem(ctx, 409, "install-running", "Install already running",
                    "an install of Zendesk instance '" + instance + "' is running; try again when it finished");
            return;
        }
        ZendeskProvisioner provisioner;
        try {
            provisioner = new ZendeskProvisioner(vertx, pluginConfig, store, log);
        } catch (RuntimeException e) {
            running.remove(instance);
            problem(ctx, 400, "invalid-config", "Invalid configuration", e.getMessage());
            return;
        }
        provisioner.install(instance, publicUrl)
                .onComplete(done -> {
                    running.remove(instance);
                    provisioner.close();
                })
                .onSuccess(result -> ctx.response().putHeader("Content-Type", "application/json")
                        .end(toJson(result).encode()))
                .onFailure(failure -> failed(ctx, instance, failure));
    }

    private void failed(RoutingContext ctx, String instance, Throwable failure) {
        log.error("install of Zendesk instance '{}' failed: {}", instance, failure.getMessage());
        if (failure instanceof InvalidConfigException) {
            problem(ctx, 400, "invalid-zendesk-instance", "Zendesk instance not usable", failure.getMessage());
        } else if (failure instanceof ZendeskApiException api) {
            problem(ctx, 502, "zendesk-refused", "Zendesk refused the install",
                    api.getMessage() + (api.status() == 0 ? "" : " (HTTP " + api.status() + ")"));
        } else {
            problem(ctx, 500, "install-failed", "Install failed", String.valueOf(failure.getMessage()));
        }
    }

    /** The result without the secrets: what was done, and how many secrets were stored. */
    static JsonObject toJson(ProvisioningResult result) {
        JsonArray items = new JsonArray();
        for (ProvisioningResult.Item item : result.items()) {
            items.add(new JsonObject().put("kind", item.kind()).put("name", item.name()).put("id", item.id())
                    .put("outcome", item.outcome().name().toLowerCase()));
        }
        return new JsonObject().put("instance", result.instance()).put("endpoint", result.endpoint())
                .put("items", items).put("signingSecretsStored", result.signingSecrets().size())
                .put("changed", result.changedAnything());
    }

    private static URI publicUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' is not an absolute http(s) URL: give the address Zendesk"
                    + " reaches Ticketflow at, e.g. https://ticketflow.example.com");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("'" + url + "' has a query or fragment: give the base URL only");
        }
        return uri;
    }

    private static void problem(RoutingContext ctx, int status, String slug, String title, String detail) {
        Problems.send(ctx, Problems.of(status, slug, title, detail));
    }
}
