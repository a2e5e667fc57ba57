package dev.ticketflow.testkit.fakes;

import dev.ticketflow.api.Accepted;
import dev.ticketflow.api.EventHandler;
import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.HelpDesk;
import dev.ticketflow.api.port.HelpDeskProvider;
import dev.ticketflow.api.port.Mail;
import dev.ticketflow.api.port.TicketRef;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link PluginContext} without a platform, for unit tests of a plugin: the unit-level
 * companion of {@code TicketflowTestKit}, which runs the real one. Every port is an in-memory
 * fake the test can inspect and make fail: {@link RecordingHelpDesk} (all tickets),
 * {@link InMemoryStore}, {@link RecordingLog}, {@link RecordingMail} (or the mail port given), and a {@link FakeScheduler}
 * on a {@link MutableClock} whose due timers come back through {@link #deliver}.
 *
 * <p>{@link #deliver} runs the handlers whose pattern matches, in registration order, one after
 * another, as the dispatcher does. Events a handler emits and events a connector ingests are
 * recorded, not dispatched. Made with {@link #builder()}:
 *
 * <pre>{@code
 * FakePluginContext plugin = FakePluginContext.builder("my-plugin").vertx(vertx).config(config)
 *         .subscriptionsOf(Path.of("plugin.properties")).build();
 * new MyPlugin().register(plugin);
 * plugin.deliver(event).await();
 * assertThat(plugin.helpDesks().tags("42")).containsExactly("triaged");
 * }</pre>
 */
public final class FakePluginContext implements PluginContext {

    /**
     * One call of {@link #ingest}.
     *
     * @param event the event
     * @param deliveryId the vendor's delivery id, or {@code null}
     * @param answer what the intake answered
     */
    public record Ingested(TicketEvent event, String deliveryId, Accepted answer) {}

    private record Subscription(String pattern, EventHandler handler) {}

    private final String pluginId;
    private final Vertx vertx;
    private final JsonObject config;
    private final List<String> declared;
    private final Router router;
    private final RecordingLog log = new RecordingLog();
    private final InMemoryStore store = new InMemoryStore();
    private final RecordingHelpDesk helpDesks = new RecordingHelpDesk();
    private final Mail mail;
    private final FakeScheduler scheduler;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<TicketEvent> emitted = new CopyOnWriteArrayList<>();
    private final List<Ingested> ingested = new CopyOnWriteArrayList<>();
    private final Map<String, String> eventIdsByDelivery = new ConcurrentHashMap<>();
    private final AtomicInteger eventIds = new AtomicInteger();
    private volatile Function<TicketEvent, Future<Accepted>> intakeOverride;
    private volatile HelpDeskProvider providedHelpDesk;

    FakePluginContext(FakePluginContextBuilder builder) {
        this.pluginId = builder.pluginId;
        this.vertx = builder.vertx;
        this.config = builder.config;
        this.declared = builder.subscriptions;
        this.router = builder.router != null ? builder.router : builder.vertx != null ? Router.router(builder.vertx) : null;
        this.mail = builder.mail;
        this.scheduler = new FakeScheduler(builder.clock);
        scheduler.deliverTo(this::deliver);
    }

    /**
     * @param pluginId the plugin's id, as in its descriptor
     * @return a builder: no Vert.x, empty configuration, any subscription allowed, clock at the epoch
     */
    public static FakePluginContextBuilder builder(String pluginId) {
        return new FakePluginContextBuilder(pluginId);
    }

    /**
     * Delivers an event as attempt 1. An event without an id gets {@code event-N}.
     *
     * @param event the event
     * @return completes when every matching handler did, fails with the first failure
     */
    public Future<Void> deliver(TicketEvent event) {
        return deliver(event, 1);
    }

    /**
     * Delivers an event to every handler whose pattern matches, one after another.
     *
     * @param event the event
     * @param attempt the attempt number the handlers see
     * @return completes when every matching handler did, fails with the first failure
     */
    public Future<Void> deliver(TicketEvent event, int attempt) {
        TicketEvent accepted = event.id() == null ? event.withIdAndTime("event-" + eventIds.incrementAndGet(), null) : event;
        Future<Void> chain = Future.succeededFuture();
        for (Subscription subscription : subscriptions) {
            if (EventTypes.matches(subscription.pattern(), accepted.type())) {
                FakeEventContext context = eventContext(accepted, attempt);
                chain = chain.compose(done -> subscription.handler().handle(context));
            }
        }
        return chain;
    }

    /**
     * The context a handler would get for an event, for calling one handler directly.
     *
     * @param event the event
     * @param attempt the attempt number
     * @return the event context
     */
    public FakeEventContext eventContext(TicketEvent event, int attempt) {
        return new FakeEventContext(this, event, attempt);
    }

    /** @return the patterns handlers were registered for, in registration order */
    public List<String> subscribedPatterns() {
        return subscriptions.stream().map(Subscription::pattern).toList();
    }

    /** @return the help desk of every ticket: recorded calls, tags, failures to inject */
    public RecordingHelpDesk helpDesks() {
        return helpDesks;
    }

    /** @return the timers, on {@link #clock()} */
    public FakeScheduler scheduler() {
        return scheduler;
    }

    /** @return the clock the timers run on; hand it to a plugin that reads the time */
    public MutableClock clock() {
        return scheduler.clock();
    }

    /** @return the events handlers emitted, in order */
    public List<TicketEvent> emitted() {
        return List.copyOf(emitted);
    }

    /** @return every event ingested, duplicates included, in order */
    public List<Ingested> ingested() {
        return List.copyOf(ingested);
    }

    /** @param override what {@link #ingest} answers instead (a slow or failing append) */
    public void overrideIntake(Function<TicketEvent, Future<Accepted>> override) {
        this.intakeOverride = override;
    }

    /** @return the help desk the plugin provided, or {@code null} */
    public HelpDeskProvider providedHelpDesk() {
        return providedHelpDesk;
    }

    Future<String> recordEmitted(TicketEvent event) {
        emitted.add(event);
        return Future.succeededFuture("emitted-" + emitted.size());
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public Vertx vertx() {
        if (vertx == null) {
            throw new IllegalStateException("no Vert.x given to the builder");
        }
        return vertx;
    }

    @Override
    public JsonObject config() {
        return config;
    }

    @Override
    public RecordingLog log() {
        return log;
    }

    @Override
    public PluginContext on(String typePattern, EventHandler handler) {
        if (declared != null && !declared.contains(typePattern) && !declared.contains("*")) {
            throw new IllegalArgumentException("the descriptor of " + pluginId + " does not subscribe to " + typePattern);
        }
        subscriptions.add(new Subscription(typePattern, handler));
        return this;
    }

    @Override
    public PluginContext on(List<String> typePatterns, EventHandler handler) {
        typePatterns.forEach(pattern -> on(pattern, handler));
        return this;
    }

    @Override
    public Router router() {
        if (router == null) {
            throw new IllegalStateException("no Vert.x or router given to the builder");
        }
        return router;
    }

    /** Records the event and de-duplicates by delivery id like the real intake; dispatches nothing. */
    @Override
    public Future<Accepted> ingest(TicketEvent event, String deliveryId) {
        Function<TicketEvent, Future<Accepted>> override = intakeOverride;
        if (override != null) {
            return override.apply(event);
        }
        String newId = UUID.randomUUID().toString();
        String first = deliveryId == null ? null : eventIdsByDelivery.putIfAbsent(deliveryId, newId);
        Accepted answer = first == null ? new Accepted(newId, false) : new Accepted(first, true);
        ingested.add(new Ingested(event, deliveryId, answer));
        return Future.succeededFuture(answer);
    }

    @Override
    public HelpDesk helpDesk(TicketRef ticket) {
        return helpDesks.bind(ticket);
    }

    /** The mail port given to the builder; a {@link RecordingMail} unless another was given. */
    @Override
    public Mail mail() {
        return mail;
    }

    @Override
    public InMemoryStore store() {
        return store;
    }

    @Override
    public void provideHelpDesk(HelpDeskProvider provider) {
        this.providedHelpDesk = provider;
    }
}
