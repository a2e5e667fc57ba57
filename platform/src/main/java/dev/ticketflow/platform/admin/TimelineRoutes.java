package dev.ticketflow.platform.admin;

import dev.ticketflow.platform.http.Problem;
import dev.ticketflow.platform.timeline.Timeline;
import dev.ticketflow.platform.timeline.TimelineEntry;
import dev.ticketflow.platform.timeline.TimelinePage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /admin/tickets/{ticketId}/timeline?source=&after=&limit=}: a ticket's timeline,
 * oldest entry first, so that it reads as the story of the ticket and pages stay stable while new
 * entries arrive at the end. {@code next} is the link to the following page, {@code null} on the
 * last one. Mounted under {@code /admin}, so the bearer token is checked before.
 */
public final class TimelineRoutes {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private TimelineRoutes() {}

    /**
     * Mounts the timeline endpoint; {@link AdminRoutes#mount} must have been called first.
     *
     * @param router the HTTP router
     * @param timeline the timeline
     */
    public static void mount(Router router, Timeline timeline) {
        router.get("/admin/tickets/:ticketId/timeline").handler(ctx -> read(ctx, timeline));
    }

    private static void read(RoutingContext ctx, Timeline timeline) {
        String ticketId = ctx.pathParam("ticketId");
        String source = ctx.queryParams().get("source");
        if (source != null && source.isBlank()) {
            source = null;
        }
        Long after = number(ctx, "after", 0, 0, Long.MAX_VALUE);
        Long limit = after == null ? null : number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        if (limit == null) {
            return;
        }
        String chosenSource = source;
        timeline.read(source, ticketId, after, limit.intValue())
                .onSuccess(page -> ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .end(toJson(ticketId, chosenSource, limit, page).encode()))
                .onFailure(ctx::fail);
    }

    private static JsonObject toJson(String ticketId, String source, long limit, TimelinePage page) {
        JsonArray entries = new JsonArray();
        for (TimelineEntry entry : page.entries()) {
            entries.add(entry.toJson());
        }
        String next = null;
        if (page.next() != null) {
            next = "/admin/tickets/" + encode(ticketId).replace("+", "%20") + "/timeline?after=" + page.next()
                    + "&limit=" + limit + (source == null ? "" : "&source=" + encode(source));
        }
        return new JsonObject()
                .put("ticketId", ticketId)
                .put("source", source)
                .put("entries", entries)
                .put("next", next);
    }

    /** The parameter's value, or {@code null} after answering 400 when it is not a number in range. */
    private static Long number(RoutingContext ctx, String name, long fallback, long min, long max) {
        String text = ctx.queryParams().get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        Problem.of(400, "invalid-parameter", "Invalid query parameter", name + " must be a whole number from "
                + min + " to " + max + ", got '" + text + "'").with("parameter", name).send(ctx);
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
