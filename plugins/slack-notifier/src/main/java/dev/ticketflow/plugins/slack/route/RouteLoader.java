package dev.ticketflow.plugins.slack.route;

import dev.ticketflow.api.event.Author;
import dev.ticketflow.api.event.AuthorRole;
import dev.ticketflow.api.event.Comment;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.Person;
import dev.ticketflow.api.event.Rating;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.plugins.slack.message.MessageTemplate;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the routes: the defaults shipped in the plugin ({@code default-routes.json}, unless
 * {@code defaultRoutes} is false), replaced by name by the configured {@code routes}, with
 * {@code channels} overriding a route's channel by name ({@code "ssat-review": "U0123ABCD"}).
 * Every condition and template is compiled here, and Block Kit templates are rendered against a
 * sample event and parsed, so a broken route stops the plugin at start with its name.
 */
public final class RouteLoader {

    /** A full event, to try templates on. */
    static final TicketEvent SAMPLE = new TicketEvent("sample", "feedback.classified", Instant.EPOCH, "sample",
            new Ticket("1", "https://example.zendesk.com/agent/tickets/1", "Sample \"subject\" <with> & symbols",
                    "open", "high", List.of("feedback"), new Person("2", "Sam Ple", "sam@example.com"), null,
                    "Support", null, Map.of()),
            new Comment("3", new Author("2", "Sam Ple", "sam@example.com", AuthorRole.END_USER), "Sample\nbody", true),
            new Rating(Rating.BAD, "Sample comment"), Map.of(),
            Map.of("category", "product_feedback", "severity", "high", "signals", List.of("sample"), "summary", "s"));

    private RouteLoader() {}

    /**
     * Loads the routes.
     *
     * @param config the plugin's configuration
     * @param webApi whether a bot token is configured (routes then need a channel)
     * @return the enabled routes, defaults first
     * @throws RouteException naming the route when one is invalid
     */
    public static List<Route> load(JsonObject config, boolean webApi) {
        Map<String, JsonObject> specs = new LinkedHashMap<>();
        if (config.getBoolean("defaultRoutes", true)) {
            JsonArray defaults = defaults();
            for (int i = 0; i < defaults.size(); i++) {
                specs.put(defaults.getJsonObject(i).getString("name"), defaults.getJsonObject(i));
            }
        }
        JsonArray configured = config.getJsonArray("routes", new JsonArray());
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            JsonObject spec = configured.getJsonObject(i);
            String name = spec.getString("name");
            if (name == null || name.isBlank()) {
                throw new RouteException("#" + (i + 1), "every route needs a name", null);
            }
            if (seen.contains(name)) {
                throw new RouteException(name, "two routes have this name", null);
            }
            seen.add(name);
            JsonObject base = specs.getOrDefault(name, new JsonObject());
            specs.put(name, base.copy().mergeIn(spec));
        }
        JsonObject channels = config.getJsonObject("channels", new JsonObject());
        List<Route> routes = new ArrayList<>();
        for (JsonObject spec : specs.values()) {
            if (spec.getBoolean("enabled", true)) {
                routes.add(compile(spec, channels.getString(spec.getString("name")), webApi));
            }
        }
        return routes;
    }

    private static Route compile(JsonObject spec, String channelOverride, boolean webApi) {
        String name = spec.getString("name");
        List<String> on = patterns(name, spec.getValue("on"));
        String channel = channelOverride != null ? channelOverride : spec.getString("channel");
        String webhookUrl = spec.getString("webhookUrl");
        if (webApi && webhookUrl == null && (channel == null || channel.isBlank())) {
            throw new RouteException(name, "needs a channel (a channel id, #name or user id)", null);
        }
        String text = spec.getString("text");
        if (text == null || text.isBlank()) {
            throw new RouteException(name, "needs a text template (it is also the notification text of blocks)", null);
        }
        Condition when = Condition.compile(name, spec.getString("when"));
        MessageTemplate textTemplate = template(name, "text", text, MessageTemplate.Kind.TEXT);
        Object blocksSpec = spec.getValue("blocks");
        MessageTemplate blocks = blocksSpec == null ? null : template(name, "blocks",
                blocksSpec instanceof JsonArray array ? array.encode() : String.valueOf(blocksSpec), MessageTemplate.Kind.BLOCKS);
        String dedupe = spec.getString("dedupeKey");
        MessageTemplate dedupeKey = dedupe == null ? null : template(name, "dedupeKey", dedupe, MessageTemplate.Kind.PLAIN);
        Route route = new Route(name, on, when, channel, textTemplate, blocks, dedupeKey, webhookUrl);
        tryOut(route);
        return route;
    }

    /** Renders the route against the sample event, so a bad Block Kit template fails now. */
    private static void tryOut(Route route) {
        Map<String, Object> view = EventView.of(SAMPLE);
        try {
            route.when().test(view);
        } catch (IllegalStateException evaluationOnSample) {
            // a condition may legitimately need data the sample lacks; it compiled, that is enough
        }
        try {
            route.render(view);
        } catch (DecodeException | ClassCastException e) {
            throw new RouteException(route.name(), "blocks template does not render to a JSON array of blocks: "
                    + e.getMessage(), e);
        }
    }

    private static MessageTemplate template(String route, String field, String source, MessageTemplate.Kind kind) {
        try {
            return MessageTemplate.compile(route + "." + field, source, kind);
        } catch (IllegalArgumentException e) {
            throw new RouteException(route, field + " template does not compile: " + e.getMessage(), e);
        }
    }

    private static List<String> patterns(String route, Object on) {
        List<String> patterns = new ArrayList<>();
        if (on instanceof String single) {
            patterns.add(single);
        } else if (on instanceof JsonArray array) {
            array.forEach(value -> patterns.add(String.valueOf(value)));
        }
        if (patterns.isEmpty()) {
            throw new RouteException(route, "needs 'on': the event type(s) it listens to", null);
        }
        for (String pattern : patterns) {
            if (!EventTypes.isValidPattern(pattern)) {
                throw new RouteException(route, "'" + pattern + "' is not an event type or pattern", null);
            }
        }
        return patterns;
    }

    private static JsonArray defaults() {
        try (InputStream in = RouteLoader.class.getClassLoader().getResourceAsStream("default-routes.json")) {
            if (in == null) {
                throw new IllegalStateException("the plugin jar lacks default-routes.json");
            }
            return new JsonArray(Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
