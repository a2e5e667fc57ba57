package dev.ticketflow.plugins.slack;

import dev.ticketflow.api.Log;
import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.TicketflowPlugin;
import dev.ticketflow.plugins.slack.client.RateLimitRetrier;
import dev.ticketflow.plugins.slack.client.RetryPolicy;
import dev.ticketflow.plugins.slack.client.SlackClient;
import dev.ticketflow.plugins.slack.client.SlackConnection;
import dev.ticketflow.plugins.slack.route.Route;
import dev.ticketflow.plugins.slack.route.RouteLoader;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * Posts to Slack for events that match a route. Routes are compiled in {@link #register}: a
 * route whose condition or template does not compile stops the plugin with the route's name.
 * Without a bot token or webhook the plugin runs in dry-run: each message is logged, not sent.
 */
@Extension
public final class SlackNotifier implements TicketflowPlugin {

    private WebClient web;

    @Override
    public void register(PluginContext plugin) {
        JsonObject slackConfig = plugin.config().getJsonObject("slack", new JsonObject());
        SlackConnection connection = new SlackConnection(
                slackConfig.getString("apiUrl", "https://slack.com/api"),
                blankToNull(slackConfig.getString("botToken")), blankToNull(slackConfig.getString("webhookUrl")),
                Duration.ofMillis(slackConfig.getLong("timeoutMs", 10_000L)),
                new RetryPolicy(slackConfig.getInteger("maxAttempts", 3),
                        Duration.ofMillis(slackConfig.getLong("defaultRetryDelayMs", 1_000L)),
                        Duration.ofSeconds(slackConfig.getLong("maxRetryAfterSeconds", 30L))));
        List<Route> routes = RouteLoader.load(plugin.config(), connection.webApi());
        announceDryRun(connection, routes, plugin.log());
        web = WebClient.create(plugin.vertx(), new WebClientOptions().setUserAgent("Ticketflow-slack-notifier"));
        SlackClient slack = new SlackClient(web, connection,
                new RateLimitRetrier(plugin.vertx(), connection.retry(), plugin.log()));
        List<String> secrets = new ArrayList<>();
        secrets.add(connection.botToken());
        secrets.add(connection.webhookUrl());
        routes.forEach(route -> secrets.add(route.webhookUrl()));
        Notifier notifier = new Notifier(routes, slack, plugin.store(), secrets);
        plugin.log().info("{} Slack route(s): {}", routes.size(), routes.stream().map(Route::name).toList());
        plugin.on("*", context -> notifier.handle(context.event(), context.log()));
    }

    /** Without a token or webhook the plugin still starts, and says loudly that it only logs. */
    private static void announceDryRun(SlackConnection connection, List<Route> routes, Log log) {
        if (connection.webApi() || connection.webhookUrl() != null) {
            return;
        }
        List<String> dry = routes.stream().filter(route -> route.webhookUrl() == null).map(Route::name).toList();
        if (dry.isEmpty()) {
            return;
        }
        log.warn("DRY-RUN: no Slack token configured: messages are logged, not sent (routes {}); set"
                + " slack.botToken (chat.postMessage) or slack.webhookUrl (incoming webhook)", dry);
    }

    @Override
    public Future<Void> onStop() {
        if (web != null) {
            web.close();
        }
        return Future.succeededFuture();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
