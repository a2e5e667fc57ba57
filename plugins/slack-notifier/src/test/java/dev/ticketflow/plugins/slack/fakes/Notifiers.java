package dev.ticketflow.plugins.slack.fakes;

import dev.ticketflow.api.event.Person;
import dev.ticketflow.api.event.Rating;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.plugins.slack.SlackNotifier;
import dev.ticketflow.testkit.fakes.FakePluginContext;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Starts the plugin against a fake Slack; builds events. */
public final class Notifiers {

    public static final String BOT_TOKEN = "xoxb-1234567890-abcdefghijklmnop";

    private Notifiers() {}

    public static JsonObject config(FakeSlack slack) {
        return new JsonObject().put("slack", new JsonObject().put("botToken", BOT_TOKEN).put("apiUrl", slack.apiUrl())
                .put("defaultRetryDelayMs", 50));
    }

    public static FakePluginContext start(Vertx vertx, JsonObject config) {
        FakePluginContext context = FakePluginContext.builder("slack-notifier").vertx(vertx).config(config)
                .subscriptionsOf(Path.of("plugin.properties")).build();
        new SlackNotifier().register(context);
        return context;
    }

    public static Ticket ticket(String id, String subject, List<String> tags) {
        return new Ticket(id, "https://acme.zendesk.com/agent/tickets/" + id, subject, "open", "normal", tags,
                new Person("900", "Jane Roe", "jane@customer.example"), null, null, null, Map.of());
    }

    public static TicketEvent event(String id, String type, Ticket ticket, Map<String, Object> data) {
        return new TicketEvent(id, type, Instant.parse("2026-03-01T10:00:00Z"), "zendesk:acme", ticket, null, null, null, data);
    }

    public static TicketEvent rated(String id, String ticketId, String score, String comment) {
        return event(id, "ticket.rated", ticket(ticketId, "Billing page", List.of()), Map.of())
                .withRating(new Rating(score, comment));
    }

}
