package dev.ticketflow.platform.admin;

import dev.ticketflow.platform.http.Problem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>}; otherwise answers 401
 * with {@code WWW-Authenticate: Bearer}. The comparison is constant-time and, by comparing
 * digests, does not even reveal the token's length.
 */
public final class BearerAuth implements Handler<RoutingContext> {

    private static final String PREFIX = "bearer ";

    private final byte[] expectedDigest;

    public BearerAuth(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the admin token must not be empty");
        }
        this.expectedDigest = digest(token);
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (admits(ctx)) {
            ctx.next();
        }
    }

    /**
     * Checks the request's bearer token; when it is missing or wrong, answers 401 itself.
     *
     * @param ctx the request
     * @return {@code true} when the request carries the admin token
     */
    public boolean admits(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || header.length() <= PREFIX.length()
                || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            refuse(ctx, "missing bearer token: send 'Authorization: Bearer <admin token>'"
                    + " (admin.token, TICKETFLOW_ADMIN_TOKEN, or the generated <dataDir>/admin-token)");
            return false;
        }
        byte[] given = digest(header.substring(PREFIX.length()).trim());
        if (!MessageDigest.isEqual(expectedDigest, given)) {
            refuse(ctx, "the bearer token is not the admin token");
            return false;
        }
        return true;
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
