package dev.ticketflow.plugins.slack.message;

import io.vertx.core.json.JsonArray;

/**
 * A message ready to post.
 *
 * @param route the route that made it, for errors
 * @param channel channel id or name (or user id); ignored by incoming webhooks
 * @param text mrkdwn text; the notification fallback when there are blocks
 * @param blocks Block Kit blocks, or {@code null}
 * @param webhookUrl the incoming webhook to post to instead of the Web API, or {@code null}
 */
public record SlackMessage(String route, String channel, String text, JsonArray blocks, String webhookUrl) {

    /** Never prints the webhook URL (it is a credential). */
    @Override
    public String toString() {
        return "SlackMessage[route=" + route + ", channel=" + channel + ", webhook=" + (webhookUrl != null) + "]";
    }
}
