package dev.ticketflow.plugins.slack.fakes;

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

/** A plugin context without a platform: {@link #deliver} runs the handlers as the dispatcher does. */
public final class FakePluginContext implements PluginContext {

    private record Binding(String pattern, EventHandler handler) {}

    public final MemoryStore store = new MemoryStore();
    public final RecordingLog log = new RecordingLog();

    private final Vertx vertx;
    private final JsonObject config;
    private final List<String> subscriptions;
    private final List<Binding> bindings = new ArrayList<>();

    public FakePluginContext(Vertx vertx, JsonObject config, List<String> subscriptions) {
        this.vertx = vertx;
        this.config = config;
        this.subscriptions = List.copyOf(subscriptions);
    }

    public Future<Void> deliver(TicketEvent event) {
        Future<Void> chain = Future.succeededFuture();
        for (Binding binding : bindings) {
            if (EventTypes.matches(binding.pattern(), event.type())) {
                EventContext context = new Delivery(this, event);
                chain = chain.compose(done -> binding.handler().handle(context));
            }
        }
        return chain;
    }

    @Override
    public String pluginId() {
        return "slack-notifier";
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
        if (!subscriptions.contains(typePattern) && !subscriptions.contains("*")) {
            throw new IllegalArgumentException("the descriptor does not subscribe to " + typePattern);
        }
        bindings.add(new Binding(typePattern, handler));
        return this;
    }

    @Override
    public PluginContext on(List<String> typePatterns, EventHandler handler) {
        typePatterns.forEach(pattern -> on(pattern, handler));
        return this;
    }

    @Override
    public Router router() {
        throw new UnsupportedOperationException("not used by this plugin");
    }

    @Override
    public Future<Accepted> ingest(TicketEvent event, String deliveryId) {
        throw new UnsupportedOperationException("not used by this plugin");
    }

    @Override
    public HelpDesk helpDesk(TicketRef ticket) {
        throw new UnsupportedOperationException("not used by this plugin");
    }

    @Override
    public Mail mail() {
        throw new UnsupportedOperationException("not used by this plugin");
    }

    @Override
    public KeyValueStore store() {
        return store;
    }

    @Override
    public void provideHelpDesk(HelpDeskProvider provider) {
        throw new UnsupportedOperationException("not used by this plugin");
    }

    private record Delivery(FakePluginContext plugin, TicketEvent event) implements EventContext {
        @Override
        public int attempt() {
            return 1;
        }

        @Override
        public Log log() {
            return plugin.log;
        }

        @Override
        public JsonObject config() {
            return plugin.config;
        }

        @Override
        public HelpDesk helpDesk() {
            throw new UnsupportedOperationException("the notifier never touches the help desk");
        }

        @Override
        public Mail mail() {
            throw new UnsupportedOperationException("not used by this plugin");
        }

        @Override
        public Scheduler schedule() {
            throw new UnsupportedOperationException("not used by this plugin");
        }

        @Override
        public KeyValueStore store() {
            return plugin.store;
        }

        @Override
        public Future<String> emit(TicketEvent emitted) {
            throw new UnsupportedOperationException("the notifier emits nothing");
        }
    }
}
