package dev.ticketflow.platform.admin;

import dev.ticketflow.platform.dispatch.DeliveryQuery;
import dev.ticketflow.platform.dispatch.DeliveryState;
import dev.ticketflow.platform.dispatch.DeliveryStore;
import dev.ticketflow.platform.dispatch.NotADeadLetterException;
import dev.ticketflow.platform.dispatch.ReplayRequest;
import dev.ticketflow.platform.dispatch.UnknownDeliveryException;
import dev.ticketflow.platform.http.Problem;
import dev.ticketflow.platform.plugin.PluginHost;
import dev.ticketflow.platform.plugin.PluginInfo;
import dev.ticketflow.platform.plugin.UnknownPluginException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The delivery part of the admin API (behind the same bearer token as the rest of {@code /admin}):
 * <ul>
 *   <li>{@code GET /admin/deliveries?state=&plugin=&ticket=&event=&before=&limit=} — deliveries,
 *       newest first, one page at a time</li>
 *   <li>{@code GET /admin/deliveries/{id}} — one delivery</li>
 *   <li>{@code GET /admin/dead-letters?plugin=&ticket=&before=&limit=} — dead letters not retried</li>
 *   <li>{@code POST /admin/dead-letters/{id}/retry} — retries one</li>
 *   <li>{@code POST /admin/plugins/{id}/dead-letters/retry} — retries all of a plugin</li>
 *   <li>{@code POST /admin/replay} — delivers stored events again: {@code {"eventId": …}} or
 *       {@code {"from": …, "to": …}}, to {@code "plugin"} or to every started plugin subscribed</li>
 * </ul>
 */
public final class DeliveryRoutes {

    private static final int MAX_BODY = 16 * 1024;

    private final DeliveryStore store;
    private final PluginHost host;

    private DeliveryRoutes(DeliveryStore store, PluginHost host) {
        this.store = store;
        this.host = host;
    }

    /**
     * Mounts the routes; {@code /admin/*} must be behind the bearer token already.
     *
     * @param router the HTTP router
     * @param store the deliveries
     * @param host the plugins (replay targets)
     */
    public static void mount(Router router, DeliveryStore store, PluginHost host) {
        DeliveryRoutes routes = new DeliveryRoutes(store, host);
        router.get("/admin/deliveries").handler(ctx -> routes.list(ctx, false));
        router.get("/admin/deliveries/:id").handler(routes::one);
        router.get("/admin/dead-letters").handler(ctx -> routes.list(ctx, true));
        router.post("/admin/dead-letters/:id/retry").handler(routes::retryOne);
        router.post("/admin/plugins/:id/dead-letters/retry").handler(routes::retryAll);
        router.post("/admin/replay").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY)).handler(routes::replay);
    }

    private void list(RoutingContext ctx, boolean deadLetters) {
        DeliveryQuery query;
        try {
            String state = param(ctx, "state");
            query = new DeliveryQuery(
                    state == null || deadLetters ? null : DeliveryState.fromWire(state),
                    deadLetters,
                    param(ctx, "plugin"),
                    param(ctx, "ticket"),
                    param(ctx, "event"),
                    number(ctx, "before", null),
                    number(ctx, "limit", (long) DeliveryQuery.DEFAULT_LIMIT).intValue());
        } catch (IllegalArgumentException e) {
            invalid(ctx, e.getMessage());
            return;
        }
        store.list(query).onSuccess(page -> json(ctx, 200, DeliveryJson.toJson(page))).onFailure(ctx::fail);
    }

    private void one(RoutingContext ctx) {
        Long id = pathId(ctx);
        if (id == null) {
            return;
        }
        store.find(id).onSuccess(found -> found.ifPresentOrElse(
                delivery -> json(ctx, 200, DeliveryJson.toJson(delivery)),
                () -> unknownDelivery(ctx, new UnknownDeliveryException("delivery", Long.toString(id)))))
                .onFailure(ctx::fail);
    }

    private void retryOne(RoutingContext ctx) {
        Long id = pathId(ctx);
        if (id == null) {
            return;
        }
        store.retryDeadLetter(id)
                .onSuccess(retry -> json(ctx, 200, DeliveryJson.toJson(retry)))
                .onFailure(failure -> {
                    if (failure instanceof UnknownDeliveryException unknown) {
                        unknownDelivery(ctx, unknown);
                    } else if (failure instanceof NotADeadLetterException notDead) {
                        Problem.of(409, "not-a-dead-letter", "Not a dead letter", notDead.getMessage())
                                .with("deliveryId", notDead.deliveryId()).send(ctx);
                    } else {
                        ctx.fail(failure);
                    }
                });
    }

    private void retryAll(RoutingContext ctx) {
        String pluginId = ctx.pathParam("id");
        store.retryDeadLetters(pluginId)
                .onSuccess(retried -> json(ctx, 200, new JsonObject().put("pluginId", pluginId).put("retried", retried)))
                .onFailure(ctx::fail);
    }

    private void replay(RoutingContext ctx) {
        ReplayRequest request;
        Map<String, List<String>> targets;
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            invalid(ctx, "the body must be a JSON object: {\"eventId\": …} or {\"from\": …, \"to\": …},"
                    + " with \"plugin\" to replay to one plugin only");
            return;
        }
        if (body == null) {
            invalid(ctx, "send a JSON body: {\"eventId\": …} or {\"from\": …, \"to\": …}");
            return;
        }
        try {
            request = new ReplayRequest(body.getString("eventId"), instant(body, "from"), instant(body, "to"));
            targets = targets(body.getString("plugin"));
        } catch (UnknownPluginException unknown) {
            Problem.of(404, "unknown-plugin", "Unknown plugin", unknown.getMessage())
                    .with("pluginId", unknown.pluginId()).send(ctx);
            return;
        } catch (IllegalArgumentException | ClassCastException e) {
            invalid(ctx, e.getMessage());
            return;
        }
        store.replay(request, targets)
                .onSuccess(result -> json(ctx, 202, new JsonObject()
                        .put("events", result.events())
                        .put("deliveries", result.deliveries())
                        .put("plugins", List.copyOf(targets.keySet()))))
                .onFailure(failure -> {
                    if (failure instanceof UnknownDeliveryException unknown) {
                        Problem.of(404, "unknown-event", "Unknown event", unknown.getMessage())
                                .with("eventId", unknown.id()).send(ctx);
                    } else {
                        ctx.fail(failure);
                    }
                });
    }

    /** One named plugin (started or not: its deliveries wait for it), or every started plugin. */
    private Map<String, List<String>> targets(String pluginId) {
        Map<String, List<String>> targets = new LinkedHashMap<>();
        for (PluginInfo plugin : host.plugins()) {
            if (pluginId != null ? plugin.id().equals(pluginId) : "STARTED".equals(plugin.state())) {
                targets.put(plugin.id(), plugin.subscriptions());
            }
        }
        if (pluginId != null && targets.isEmpty()) {
            throw new UnknownPluginException(pluginId);
        }
        return targets;
    }

    private static Instant instant(JsonObject body, String name) {
        String text = body.getString(name);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' must be an RFC 3339 time in UTC such as"
                    + " 2025-03-01T09:30:00Z, got '" + text + "'");
        }
    }

    private static String param(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Long number(RoutingContext ctx, String name, Long fallback) {
        String value = param(ctx, name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' must be a whole number, got '" + value + "'");
        }
    }

    private static Long pathId(RoutingContext ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            invalid(ctx, "a delivery id is a whole number, got '" + ctx.pathParam("id") + "'");
            return null;
        }
    }

    private static void unknownDelivery(RoutingContext ctx, UnknownDeliveryException e) {
        Problem.of(404, "unknown-delivery", "Unknown delivery", e.getMessage()).with("deliveryId", e.id()).send(ctx);
    }

    private static void invalid(RoutingContext ctx, String detail) {
        Problem.of(400, "invalid-request", "Invalid request", detail).send(ctx);
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
