package dev.ticketflow.plugins.gitlab.fakes;

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

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plugin context without a platform: handlers are kept and {@link #deliver} runs them the way
 * the dispatcher does; port calls land in a {@link HelpDeskJournal}; emitted events in a list.
 */
public final class FakePluginContext implements PluginContext {

    private record Binding(String pattern, EventHandler handler) {}

    public final HelpDeskJournal helpDesk = new HelpDeskJournal();
    public final MemoryStore store = new MemoryStore();
    public final RecordingLog log = new RecordingLog();
    public final List<TicketEvent> emitted = new CopyOnWriteArrayList<>();

    private final Vertx vertx;
    private final JsonObject config;
    private final Router router;
    private final List<String> subscriptions;
    private final List<Binding> bindings = new ArrayList<>();

    public FakePluginContext(Vertx vertx, JsonObject config, List<String> subscriptions) {
        this.vertx = vertx;
        this.config = config;
        this.router = Router.router(vertx);
        this.subscriptions = List.copyOf(subscriptions);
    }

    /**
     * Delivers an event to every handler whose pattern matches, one after another.
     *
     * @param event the event (with an id, as the platform assigns)
     * @param attempt the attempt number
     * @return completes when every handler did
     */
    public Future<Void> deliver(TicketEvent event, int attempt) {
        Future<Void> chain = Future.succeededFuture();
        for (Binding binding : bindings) {
            if (EventTypes.matches(binding.pattern(), event.type())) {
                EventContext context = new FakeEventContext(this, event, attempt);
                chain = chain.compose(done -> binding.handler().handle(context));
            }
        }
        return chain;
    }

    @Override
    public String pluginId() {
        return "gitlab-issue-linker";
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
        if (subscriptions.stream().noneMatch(subscribed -> subscribed.equals(typePattern) || subscribed.equals("*"))) {
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
        return router;
    }

    @Override
    public Future<Accepted> ingest(TicketEvent event, String deliveryId) {
        throw new UnsupportedOperationException("not used by this plugin");
    }

    @Override
    public HelpDesk helpDesk(TicketRef ticket) {
        return helpDesk.bind(ticket);
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

    static final class FakeEventContext implements EventContext {
        private final FakePluginContext plugin;
        private final TicketEvent event;
        private final int attempt;

        FakeEventContext(FakePluginContext plugin, TicketEvent event, int attempt) {
            this.plugin = plugin;
            this.event = event;
            this.attempt = attempt;
        }

        @Override
        public TicketEvent event() {
            return event;
        }

        @Override
        public int attempt() {
            return attempt;
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
            return plugin.helpDesk.bind(new TicketRef(event.source(), event.ticketId()));
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
            plugin.emitted.add(emitted);
            return Future.succeededFuture("emitted-" + plugin.emitted.size());
        }

        @Override
        public PluginContext plugin() {
            return plugin;
        }
    }

}
