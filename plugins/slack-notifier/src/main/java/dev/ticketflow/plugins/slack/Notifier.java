package dev.ticketflow.plugins.slack;

import dev.ticketflow.api.Log;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.KeyValueStore;
import dev.ticketflow.plugins.slack.client.SlackClient;
import dev.ticketflow.plugins.slack.message.SlackMessage;
import dev.ticketflow.plugins.slack.route.EventView;
import dev.ticketflow.plugins.slack.route.Route;
import dev.ticketflow.plugins.slack.state.Once;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends an event to every route that listens to its type and whose condition holds. Each route's
 * message is posted at most once per event (or per dedupe key); one route failing does not stop
 * the others, and the delivery fails with every failed route's error so that the platform's
 * retry re-sends only those. A message with nowhere to go (no bot token, no webhook: dry-run) is
 * logged instead of posted.
 */
public final class Notifier {

    private final List<Route> routes;
    private final SlackClient slack;
    private final KeyValueStore store;
    private final List<String> secrets;

    /**
     * Creates the notifier.
     *
     * @param routes the compiled routes
     * @param slack the client
     * @param store the plugin's store
     * @param secrets texts no message may contain (token, webhook URLs)
     */
    public Notifier(List<Route> routes, SlackClient slack, KeyValueStore store, List<String> secrets) {
        this.routes = List.copyOf(routes);
        this.slack = slack;
        this.store = store;
        this.secrets = secrets.stream().filter(secret -> secret != null && secret.length() >= 8).toList();
    }

    /**
     * Handles an event.
     *
     * @param event the event
     * @param log the delivery's log
     * @return completes when every matching route posted; fails naming the routes that did not
     */
    public Future<Void> handle(TicketEvent event, Log log) {
        Map<String, Object> view = EventView.of(event);
        String eventId = event.id() != null ? event.id() : event.type() + "/" + event.ticketId() + "/" + event.occurredAt();
        Once once = new Once(store, log);
        List<String> failures = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (Route route : routes) {
            if (!route.listensTo(event.type()) || !matches(route, view, log)) {
                continue;
            }
            chain = chain.compose(done -> send(once, route, view, eventId, log)
                    .otherwise(failure -> {
                        failures.add(failure.getMessage());
                        return null;
                    }));
        }
        return chain.compose(done -> failures.isEmpty() ? Future.succeededFuture()
                : Future.failedFuture(new IllegalStateException(String.join("; ", failures))));
    }

    private Future<Void> send(Once once, Route route, Map<String, Object> view, String eventId, Log log) {
        SlackMessage message;
        try {
            message = route.render(view);
        } catch (RuntimeException e) {
            return Future.failedFuture(new IllegalStateException("route '" + route.name() + "' failed to render: "
                    + e.getMessage(), e));
        }
        String rendered = message.text() + (message.blocks() == null ? "" : message.blocks().encode());
        for (String secret : secrets) {
            if (rendered.contains(secret)) {
                return Future.failedFuture(new IllegalStateException("route '" + route.name()
                        + "': the message would contain a configured secret; not sent"));
            }
        }
        if (!slack.canPost(message)) {
            // dry-run: nothing is claimed, so the message is posted if the event is replayed once Slack is set up
            log.info("DRY-RUN: route '{}' would post to {}: {}", route.name(),
                    message.channel() == null ? "the default webhook" : message.channel(), message.text());
            return Future.succeededFuture();
        }
        return once.run(route.onceKey(view, eventId), () -> slack.post(message)).mapEmpty();
    }

    private static boolean matches(Route route, Map<String, Object> view, Log log) {
        try {
            return route.when().test(view);
        } catch (IllegalStateException e) {
            log.warn("route '{}' skipped: {}", route.name(), e.getMessage());
            return false;
        }
    }
}
