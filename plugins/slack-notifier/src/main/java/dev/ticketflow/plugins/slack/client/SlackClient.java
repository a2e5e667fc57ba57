package dev.ticketflow.plugins.slack.client;

import dev.ticketflow.plugins.slack.message.SlackMessage;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;

/**
 * Posts messages: {@code chat.postMessage} with the bot token ({@code Authorization: Bearer},
 * JSON body), or an incoming webhook (the route's, else the default one) when there is no bot
 * token or the route names a webhook. {@code {"ok":false,"error":…}} and webhook error statuses
 * become a failed future carrying Slack's error; rate limits are retried after
 * {@code Retry-After}.
 */
public final class SlackClient {

    private final WebClient web;
    private final SlackConnection connection;
    private final RateLimitRetrier retrier;

    /**
     * Creates the client.
     *
     * @param web the HTTP client (owned by the caller)
     * @param connection where and how
     * @param retrier retries rate limits
     */
    public SlackClient(WebClient web, SlackConnection connection, RateLimitRetrier retrier) {
        this.web = web;
        this.connection = connection;
        this.retrier = retrier;
    }

    /**
     * Whether a message has somewhere to go: its route's webhook, the bot token or the default
     * webhook. A message that has not is only logged (dry-run).
     *
     * @param message the message
     * @return {@code true} when {@link #post} would send it
     */
    public boolean canPost(SlackMessage message) {
        return message.webhookUrl() != null || connection.webApi() || connection.webhookUrl() != null;
    }

    /**
     * Posts a message.
     *
     * @param message the message
     * @return Slack's {@code ts} of the message ({@code null} through a webhook, which gives none)
     */
    public Future<String> post(SlackMessage message) {
        String webhook = message.webhookUrl() != null ? message.webhookUrl()
                : connection.webApi() ? null : connection.webhookUrl();
        if (webhook != null) {
            return retrier.call("route " + message.route(), () -> postToWebhook(webhook, message));
        }
        if (!connection.webApi()) {
            return Future.failedFuture(new IllegalStateException("route '" + message.route()
                    + "': neither slack.botToken nor a webhook URL is configured"));
        }
        return retrier.call("route " + message.route(), () -> postMessage(message));
    }

    private Future<String> postMessage(SlackMessage message) {
        JsonObject body = new JsonObject().put("channel", message.channel()).put("text", message.text())
                .put("mrkdwn", true).put("unfurl_links", false);
        if (message.blocks() != null) {
            // the published Web API contract types blocks as a JSON-encoded string; Slack accepts it in JSON bodies
            body.put("blocks", message.blocks().encode());
        }
        return web.postAbs(connection.apiUrl() + "/chat.postMessage")
                .timeout(connection.timeout().toMillis())
                .bearerTokenAuthentication(connection.botToken())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .sendBuffer(Buffer.buffer(body.encode()))
                .compose(response -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture(new SlackApiException(message.route(), response.statusCode(),
                                errorText(response), retryAfter(response)));
                    }
                    JsonObject answer = response.bodyAsJsonObject();
                    if (answer == null || !answer.getBoolean("ok", false)) {
                        String error = answer == null ? "not_json" : answer.getString("error", "unknown_error");
                        return Future.failedFuture(new SlackApiException(message.route(), 200, error, retryAfter(response)));
                    }
                    return Future.succeededFuture(answer.getString("ts"));
                });
    }

    private Future<String> postToWebhook(String url, SlackMessage message) {
        JsonObject body = new JsonObject().put("text", message.text());
        if (message.blocks() != null) {
            body.put("blocks", message.blocks());
        }
        return web.postAbs(url)
                .timeout(connection.timeout().toMillis())
                .sendJsonObject(body)
                .compose(response -> response.statusCode() == 200
                        ? Future.succeededFuture((String) null)
                        : Future.failedFuture(new SlackApiException(message.route(), response.statusCode(),
                                errorText(response), retryAfter(response))));
    }

    private static String errorText(HttpResponse<Buffer> response) {
        String text = response.bodyAsString();
        if (text == null || text.isBlank()) {
            return response.statusCode() == 429 ? "ratelimited" : "http_" + response.statusCode();
        }
        try {
            JsonObject json = new JsonObject(text);
            return json.getString("error", "http_" + response.statusCode());
        } catch (RuntimeException notJson) {
            String line = text.strip();
            return line.length() <= 100 ? line : line.substring(0, 100) + "…";
        }
    }

    private static Duration retryAfter(HttpResponse<Buffer> response) {
        String header = response.getHeader("Retry-After");
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
