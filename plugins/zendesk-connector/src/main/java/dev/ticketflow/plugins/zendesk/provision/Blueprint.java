package dev.ticketflow.plugins.zendesk.provision;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Zendesk objects Ticketflow needs for one instance: an event-subscription webhook for the
 * ticket lifecycle (typed payloads, no template to maintain), a trigger-connected webhook, and
 * the satisfaction trigger that uses it (ratings are not available as webhook events).
 */
final class Blueprint {

    /** The ticket events Ticketflow maps; see the event-subscription mapper. */
    static final List<String> EVENT_SUBSCRIPTIONS = List.of(
            "zen:event-type:ticket.created",
            "zen:event-type:ticket.comment_added",
            "zen:event-type:ticket.status_changed",
            "zen:event-type:ticket.tags_changed",
            "zen:event-type:ticket.priority_changed",
            "zen:event-type:ticket.agent_assignment_changed",
            "zen:event-type:ticket.group_assignment_changed");
    static final String TRIGGER_SUBSCRIPTION = "conditional_ticket_events";
    static final String SATISFACTION_TEMPLATE = "templates/trigger-satisfaction.json";

    private Blueprint() {}

    static String eventsWebhookName(String instance) {
        return "Ticketflow events (" + instance + ")";
    }

    static String triggersWebhookName(String instance) {
        return "Ticketflow triggers (" + instance + ")";
    }

    static String satisfactionTriggerTitle(String instance) {
        return "Ticketflow: satisfaction rating (" + instance + ")";
    }

    static JsonObject webhook(String name, String endpoint, List<String> subscriptions) {
        return new JsonObject()
                .put("name", name)
                .put("status", "active")
                .put("endpoint", endpoint)
                .put("http_method", "POST")
                .put("request_format", "json")
                .put("subscriptions", new JsonArray(subscriptions))
                .put("description", "Sends ticket activity to Ticketflow. Managed by 'ticketflow zendesk install'.");
    }

    /** Fires when the customer rates (or re-rates) a ticket; the mapper ignores "offered". */
    static JsonObject satisfactionTrigger(String instance, String webhookId) {
        JsonObject conditions = new JsonObject()
                .put("all", new JsonArray().add(new JsonObject()
                        .put("field", "satisfaction_score")
                        .put("operator", "changed")))
                .put("any", new JsonArray());
        JsonArray actions = new JsonArray().add(new JsonObject()
                .put("field", "notification_webhook")
                .put("value", new JsonArray().add(webhookId).add(template(SATISFACTION_TEMPLATE))));
        return new JsonObject()
                .put("title", satisfactionTriggerTitle(instance))
                .put("description", "Sends satisfaction ratings to Ticketflow. Managed by 'ticketflow zendesk install'.")
                .put("active", true)
                .put("conditions", conditions)
                .put("actions", actions);
    }

    static String template(String resource) {
        try (InputStream in = Blueprint.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the plugin jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
