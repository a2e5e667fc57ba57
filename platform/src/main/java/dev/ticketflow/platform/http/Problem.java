package dev.ticketflow.platform.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/**
 * RFC 9457 problem details ({@code application/problem+json}): every error answer of the HTTP
 * API names what is wrong in {@code detail}, with extension members where a client can act on
 * them (for example {@code errors} with the failing fields).
 */
public final class Problem {

    /** The media type of problem answers. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final String TYPE_BASE = "https://ticketflow.dev/problems/";

    private final JsonObject body;

    private Problem(JsonObject body) {
        this.body = body;
    }

    /**
     * A problem.
     *
     * @param status HTTP status
     * @param slug short kebab-case name of the problem type, e.g. {@code invalid-signature}
     * @param title a short, fixed summary of the type
     * @param detail what exactly is wrong with this request
     * @return the problem
     */
    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail));
    }

    /**
     * Adds an extension member.
     *
     * @param name member name
     * @param value member value (JSON-compatible)
     * @return this problem
     */
    public Problem with(String name, Object value) {
        body.put(name, value);
        return this;
    }

    public int status() {
        return body.getInteger("status");
    }

    public JsonObject toJson() {
        return body.copy();
    }

    /**
     * Ends the request with this problem.
     *
     * @param ctx the routing context
     */
    public void send(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response()
                .setStatusCode(status())
                .putHeader("Content-Type", MEDIA_TYPE)
                .end(body.encode());
    }

    /**
     * The last-resort failure handler of the router: turns any failure that was not answered
     * yet into a problem, so that no error leaves as HTML or an empty body.
     *
     * @param ctx the failed routing context
     */
    public static void handleFailure(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof ProblemException problem) {
            problem.problem().send(ctx);
            return;
        }
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (failure instanceof HttpException http) {
            status = http.getStatusCode();
        }
        forStatus(status, failure).send(ctx);
    }

    private static Problem forStatus(int status, Throwable failure) {
        return switch (status) {
            case 400 -> of(400, "bad-request", "Bad request", message(failure, "the request is malformed"));
            case 401 -> of(401, "unauthorized", "Unauthorized", message(failure, "credentials are missing or wrong"));
            case 404 -> of(404, "not-found", "Not found", "no resource at this path");
            case 405 -> of(405, "method-not-allowed", "Method not allowed", "this path does not accept that method");
            case 413 -> of(413, "body-too-large", "Request body too large",
                    "the request body exceeds the configured limit (http.maxBodyBytes)");
            case 415 -> of(415, "unsupported-media-type", "Unsupported media type",
                    "send Content-Type: application/json");
            default -> status >= 500
                    ? of(status, "internal-error", "Internal error",
                            "the server failed to process the request; see its log")
                    : of(status, "error", "Error", message(failure, "the request failed"));
        };
    }

    private static String message(Throwable failure, String fallback) {
        return failure == null || failure.getMessage() == null ? fallback : failure.getMessage();
    }
}
