package dev.ticketflow.plugins.apology;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Ends a request with an RFC 9457 problem ({@code application/problem+json}). */
final class ProblemResponse {

    private static final String TYPE_BASE = "https://ticketflow.dev/problems/";

    private ProblemResponse() {}

    static void send(RoutingContext ctx, int status, String slug, String title, String detail) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject()
                        .put("type", TYPE_BASE + slug)
                        .put("title", title)
                        .put("status", status)
                        .put("detail", detail)
                        .encode());
    }
}
