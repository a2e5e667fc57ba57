package dev.ticketflow.plugins.slack.route;

import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.plugins.slack.message.MessageTemplate;
import dev.ticketflow.plugins.slack.message.SlackMessage;
import io.vertx.core.json.JsonArray;
import java.util.List;
import java.util.Map;

/**
 * A compiled route: event types + condition → channel + message.
 *
 * @param name unique name, used in errors and idempotency keys
 * @param on event type patterns ({@code type}, {@code prefix.*}, {@code *})
 * @param when the condition
 * @param channel channel id or name, or user id
 * @param text the mrkdwn text template
 * @param blocks the Block Kit template, or {@code null}
 * @param dedupeKey a template whose rendering identifies "the same message" across events, or
 *     {@code null} for one message per event
 * @param webhookUrl an incoming webhook for this route, or {@code null}
 */
public record Route(String name, List<String> on, Condition when, String channel, MessageTemplate text,
        MessageTemplate blocks, MessageTemplate dedupeKey, String webhookUrl) {

    /** Copies the patterns. */
    public Route {
        on = List.copyOf(on);
    }

    /**
     * Whether the route listens to an event type.
     *
     * @param type the event type
     * @return {@code true} when a pattern matches
     */
    public boolean listensTo(String type) {
        return on.stream().anyMatch(pattern -> EventTypes.matches(pattern, type));
    }

    /**
     * Renders the message for an event. The ticket link is appended when the text lacks it, so
     * every message carries it.
     *
     * @param view the event's view
     * @return the message
     */
    public SlackMessage render(Map<String, Object> view) {
        String rendered = text.render(view);
        Object ticket = view.get("ticket");
        if (ticket instanceof Map<?, ?> fields && fields.get("url") instanceof String url && !url.isBlank()) {
            String linkText = "ticket #" + fields.get("id");
            if (!rendered.contains(url) && !rendered.contains(url.replace("&", "&amp;"))) {
                rendered = rendered + "\n<" + url.replace("&", "&amp;") + "|" + linkText + ">";
            }
        }
        JsonArray blockArray = blocks == null ? null : new JsonArray(blocks.render(view));
        return new SlackMessage(name, channel, rendered, blockArray, webhookUrl);
    }

    /**
     * The key under which this route's message for an event is sent at most once.
     *
     * @param view the event's view
     * @param eventId the event id
     * @return the store key
     */
    public String onceKey(Map<String, Object> view, String eventId) {
        return dedupeKey == null ? "sent/" + name + "/event/" + eventId : "sent/" + name + "/key/" + dedupeKey.render(view);
    }
}
