package dev.ticketflow.plugins.zendesk.inbound;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problem answers ({@code application/problem+json}), in the platform's style. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://ticketflow.dev/problems/";

    private Problems() {}

    public static JsonObject of(int status, String slug, String title, String detail) {
        return new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
    }

    public static void send(RoutingContext ctx, JsonObject problem) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response()
                .setStatusCode(problem.getInteger("status"))
                .putHeader("Content-Type", MEDIA_TYPE)
                .end(problem.put("instance", ctx.request().path()).encode());
    }
}
