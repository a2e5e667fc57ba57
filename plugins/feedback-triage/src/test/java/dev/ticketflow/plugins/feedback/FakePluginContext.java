package dev.ticketflow.plugins.feedback;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plugin context without a platform: handlers are kept by pattern and {@link #deliver} runs
 * the matching ones in order, as the dispatcher would. Emitted events are collected.
 */
final class FakePluginContext implements PluginContext {

    final FakeHelpDesk helpDesk = new FakeHelpDesk();
    final FakeStore store = new FakeStore();
    final List<TicketEvent> emitted = new CopyOnWriteArrayList<>();
    final List<String> logged = new CopyOnWriteArrayList<>();

    private final JsonObject config;
    private final Map<String, List<EventHandler>> handlers = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    FakePluginContext(JsonObject config) {
        this.config = config;
    }

    List<String> patterns() {
        return List.copyOf(handlers.keySet());
    }

    /** Delivers an event to the matching handlers, one after another. */
    Future<Void> deliver(TicketEvent event) {
        TicketEvent accepted = event.id() == null ? event.withIdAndTime("event-" + ids.incrementAndGet(), null) : event;
        Future<Void> chain = Future.succeededFuture();
        for (Map.Entry<String, List<EventHandler>> entry : handlers.entrySet()) {
            if (EventTypes.matches(entry.getKey(), accepted.type())) {
                for (EventHandler handler : entry.getValue()) {
                    chain = chain.compose(v -> handler.handle(new Context(accepted)));
                }
            }
        }
        return chain;
    }

    @Override
    public String pluginId() {
        return "feedback-triage";
    }

    @Override
    public Vertx vertx() {
        throw new UnsupportedOperationException("the plugin needs no Vert.x instance");
    }

    @Override
    public JsonObject config() {
        return config;
    }

    @Override
    public Log log() {
        return new ListLog(logged);
    }

    @Override
    public PluginContext on(String typePattern, EventHandler handler) {
        handlers.computeIfAbsent(typePattern, pattern -> new ArrayList<>()).add(handler);
        return this;
    }

    @Override
    public PluginContext on(List<String> typePatterns, EventHandler handler) {
        typePatterns.forEach(pattern -> on(pattern, handler));
        return this;
    }

    @Override
    public Router router() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Future<Accepted> ingest(TicketEvent event, String deliveryId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public HelpDesk helpDesk(TicketRef ticket) {
        return helpDesk.bind(ticket);
    }

    @Override
    public Mail mail() {
        throw new UnsupportedOperationException();
    }

    @Override
    public KeyValueStore store() {
        return store;
    }

    @Override
    public void provideHelpDesk(HelpDeskProvider provider) {
        throw new UnsupportedOperationException();
    }

    private final class Context implements EventContext {
        private final TicketEvent event;

        Context(TicketEvent event) {
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
            return new ListLog(logged);
        }

        @Override
        public JsonObject config() {
            return config;
        }

        @Override
        public HelpDesk helpDesk() {
            return helpDesk.bind(new TicketRef(event.source(), event.ticketId()));
        }

        @Override
        public Mail mail() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Scheduler schedule() {
            throw new UnsupportedOperationException();
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

    /** Collects formatted log lines. */
    private record ListLog(List<String> lines) implements Log {
        @Override
        public void debug(String message, Object... args) {
            lines.add("DEBUG " + format(message, args));
        }

        @Override
        public void info(String message, Object... args) {
            lines.add("INFO " + format(message, args));
        }

        @Override
        public void warn(String message, Object... args) {
            lines.add("WARN " + format(message, args));
        }

        @Override
        public void error(String message, Object... args) {
            lines.add("ERROR " + format(message, args));
        }

        private static String format(String message, Object... args) {
            String text = message;
            for (Object arg : args) {
                text = text.replaceFirst("\\{}", java.util.regex.Matcher.quoteReplacement(String.valueOf(arg)));
            }
            return text;
        }
    }
}
