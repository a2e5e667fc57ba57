package dev.ticketflow.plugins.zendesk.support;

import dev.ticketflow.api.Accepted;
import dev.ticketflow.api.EventHandler;
import dev.ticketflow.api.Log;
import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.HelpDesk;
import dev.ticketflow.api.port.HelpDeskProvider;
import dev.ticketflow.api.port.KeyValueStore;
import dev.ticketflow.api.port.Mail;
import dev.ticketflow.api.port.TicketRef;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The platform as the connector sees it: a real router, an intake that records what it was
 * given and de-duplicates by delivery id like the real one, an in-memory store and a log that
 * keeps its lines.
 */
public final class FakePluginContext implements PluginContext {

    /** One call of {@link #ingest}. */
    public record Ingested(TicketEvent event, String deliveryId, Accepted answer) {}

    private final Vertx vertx;
    private final JsonObject config;
    private final Router router;
    private final CapturingLog log = new CapturingLog();
    private final InMemoryStore store = new InMemoryStore();
    private final List<Ingested> ingested = new CopyOnWriteArrayList<>();
    private final Map<String, String> eventIdsByDelivery = new ConcurrentHashMap<>();
    private volatile HelpDeskProvider helpDesk;
    private volatile Function<TicketEvent, Future<Accepted>> intakeOverride;

    public FakePluginContext(Vertx vertx, JsonObject config, Router router) {
        this.vertx = vertx;
        this.config = config;
        this.router = router;
    }

    /** Every event ingested, duplicates included, in order. */
    public List<Ingested> ingested() {
        return List.copyOf(ingested);
    }

    /** Makes the intake answer with this instead (a slow or failing append). */
    public void overrideIntake(Function<TicketEvent, Future<Accepted>> override) {
        this.intakeOverride = override;
    }

    public CapturingLog capturedLog() {
        return log;
    }

    public InMemoryStore memoryStore() {
        return store;
    }

    public HelpDeskProvider providedHelpDesk() {
        return helpDesk;
    }

    @Override
    public String pluginId() {
        return "zendesk-connector";
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
        throw new IllegalArgumentException("the connector subscribes to nothing");
    }

    @Override
    public PluginContext on(List<String> typePatterns, EventHandler handler) {
        throw new IllegalArgumentException("the connector subscribes to nothing");
    }

    @Override
    public Router router() {
        return router;
    }

    @Override
    public Future<Accepted> ingest(TicketEvent event, String deliveryId) {
        if (intakeOverride != null) {
            return intakeOverride.apply(event);
        }
        String newId = UUID.randomUUID().toString();
        String first = deliveryId == null ? null : eventIdsByDelivery.putIfAbsent(deliveryId, newId);
        Accepted answer = first == null ? new Accepted(newId, false) : new Accepted(first, true);
        ingested.add(new Ingested(event, deliveryId, answer));
        return Future.succeededFuture(answer);
    }

    @Override
    public HelpDesk helpDesk(TicketRef ticket) {
        throw new UnsupportedOperationException("not used by the connector");
    }

    @Override
    public Mail mail() {
        throw new UnsupportedOperationException("not used by the connector");
    }

    @Override
    public KeyValueStore store() {
        return store;
    }

    @Override
    public void provideHelpDesk(HelpDeskProvider provider) {
        this.helpDesk = provider;
    }
}
