package dev.ticketflow.platform.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

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

    private static final String PREFIX = "bearer ";

    private final byte[] expectedDigest;

    private PluginAdminGuard(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the admin token must not be empty");
        }
        this.expectedDigest = digest(token);
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
        String header = ctx.request().getHeader("Authorization");
        if (header == null || header.length() <= PREFIX.length()
                || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            refuse(ctx, "missing bearer token: plugin admin routes take the admin token, as /admin does"
                    + " (send 'Authorization: Bearer <admin token>')");
            return;
        }
        // digests of equal length: the comparison reveals neither the token nor its length
        if (!MessageDigest.isEqual(expectedDigest, digest(header.substring(PREFIX.length()).trim()))) {
            refuse(ctx, "the bearer token is not the admin token");
            return;
        }
        ctx.put(AUTHENTICATED, Boolean.TRUE);
        ctx.next();
    }

    private static void refuse(RoutingContext ctx, String detail) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"ticketflow-admin\"");
        Problem.of(401, "unauthorized", "Unauthorized", detail).send(ctx);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
