package dev.ticketflow.plugins.venting;

import dev.ticketflow.api.Accepted;
import dev.ticketflow.api.EventContext;
import dev.ticketflow.api.EventHandler;
import dev.ticketflow.api.Log;
import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.HelpDesk;
import dev.ticketflow.api.port.HelpDeskProvider;
import dev.ticketflow.api.port.KeyValueStore;
import dev.ticketflow.api.port.Mail;
import dev.ticketflow.api.port.Scheduler;
import dev.ticketflow.api.port.TicketRef;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plugin context without a platform: records subscriptions, keeps a real router, a store and
 * one help desk per ticket, and delivers events to the registered handlers the way the platform
 * would (in registration order, one event at a time).
 */
final class FakePluginContext implements PluginContext {

    private record Subscription(List<String> patterns, EventHandler handler) {}

    final Vertx vertx;
    final String pluginId;
    final JsonObject config;
    final RecordingLog log = new RecordingLog();
    final FakeStore store = new FakeStore();
    final Router router;
    final List<TicketEvent> emitted = new CopyOnWriteArrayList<>();
    final Map<String, FakeHelpDesk> helpDesks = new ConcurrentHashMap<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    FakePluginContext(Vertx vertx, String pluginId, JsonObject config) {
        this.vertx = vertx;
        this.pluginId = pluginId;
        this.config = config;
        this.router = Router.router(vertx);
    }

    /** Delivers an event to every matching handler, one after another. */
    Future<Void> deliver(TicketEvent event) {
        Future<Void> chain = Future.succeededFuture();
        for (Subscription subscription : subscriptions) {
            if (subscription.patterns().stream().anyMatch(p -> EventTypes.matches(p, event.type()))) {
                EventContext ctx = new Delivery(event);
                chain = chain.compose(v -> subscription.handler().handle(ctx));
            }
        }
        return chain;
    }

    /** The patterns handlers were registered for. */
    List<String> subscribedPatterns() {
        List<String> patterns = new ArrayList<>();
        subscriptions.forEach(s -> patterns.addAll(s.patterns()));
        return patterns;
    }

    FakeHelpDesk helpDeskOf(String ticketId) {
        return helpDesks.computeIfAbsent(ticketId, id -> new FakeHelpDesk(new TicketRef("test", id)));
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public Vertx vertx() {
        return vertx;
    }

    @Override
    public JsonObject config() {
        return config;
    }

    @Override
    public Log log() {
        return log;
    }

    @Override
    public PluginContext on(String typePattern, EventHandler handler) {
        return on(List.of(typePattern), handler);
    }

    @Override
    public PluginContext on(List<String> typePatterns, EventHandler handler) {
        subscriptions.add(new Subscription(List.copyOf(typePatterns), handler));
        return this;
    }

    @Override
    public Router router() {
        return router;
    }

    @Override
    public Future<Accepted> ingest(TicketEvent event, String deliveryId) {
        return Future.failedFuture(new UnsupportedOperationException("not needed by this plugin"));
    }

    @Override
    public HelpDesk helpDesk(TicketRef ticket) {
        return helpDeskOf(ticket.ticketId());
    }

    @Override
    public Mail mail() {
        throw new UnsupportedOperationException("not needed by this plugin");
    }

    @Override
    public KeyValueStore store() {
        return store;
    }

    @Override
    public void provideHelpDesk(HelpDeskProvider provider) {
        throw new UnsupportedOperationException("not needed by this plugin");
    }

    /** The context of one delivery. */
    private final class Delivery implements EventContext {
        private final TicketEvent event;

        Delivery(TicketEvent event) {
            this.event = event;
        }

        @Override
        public TicketEvent event() {
            return event;
        }

        @Override
        public int attempt() {
            return 1;
        }

        @Override
        public Log log() {
            return log;
        }

        @Override
        public JsonObject config() {
            return config;
        }

        @Override
        public HelpDesk helpDesk() {
            return helpDeskOf(event.ticketId());
        }

        @Override
        public Mail mail() {
            throw new UnsupportedOperationException("not needed by this plugin");
        }

        @Override
        public Scheduler schedule() {
            throw new UnsupportedOperationException("not needed by this plugin");
        }

        @Override
        public KeyValueStore store() {
            return store;
        }

        @Override
        public Future<String> emit(TicketEvent newEvent) {
            emitted.add(newEvent);
            return Future.succeededFuture("emitted-" + emitted.size());
        }

        @Override
        public PluginContext plugin() {
            return FakePluginContext.this;
        }
    }
}
