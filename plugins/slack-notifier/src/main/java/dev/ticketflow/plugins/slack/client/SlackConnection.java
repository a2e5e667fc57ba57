package dev.ticketflow.plugins.slack.client;

import java.time.Duration;

/**
 * How to reach Slack.
 *
 * @param apiUrl the Web API root, {@code https://slack.com/api}
 * @param botToken the bot token ({@code xoxb-…}), or {@code null} to post through webhooks only
 * @param webhookUrl the default incoming webhook, or {@code null}
 * @param timeout per request
 * @param retry rate-limit retries
 */
public record SlackConnection(String apiUrl, String botToken, String webhookUrl, Duration timeout, RetryPolicy retry) {

    /** Drops a trailing slash. */
    public SlackConnection {
        apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    }

    /** Whether messages go through chat.postMessage. */
    public boolean webApi() {
        return botToken != null && !botToken.isBlank();
    }

    /** Never prints the token or the webhook URL. */
    @Override
    public String toString() {
        return "SlackConnection[" + apiUrl + ", bot token " + (webApi() ? "set" : "unset") + ", webhook "
                + (webhookUrl == null ? "unset" : "set") + "]";
    }
}
