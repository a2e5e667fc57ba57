package dev.ticketflow.platform.dispatch;

import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.bus.LocalCodec;
import dev.ticketflow.platform.config.DeliverySettings;
import dev.ticketflow.platform.config.TicketflowConfig;
import dev.ticketflow.platform.dispatch.internal.PluginDeliveries;
import dev.ticketflow.platform.eventlog.SqliteEventLog;
import dev.ticketflow.platform.intake.Intake;
import dev.ticketflow.platform.metrics.PlatformMetrics;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The durable delivery path without PF4J: a real event log on a temporary folder, the intake,
 * the dispatcher on a clock the test moves, and fake plugins on the event bus.
 */
final class DispatchFixture implements AutoCloseable {

    final Vertx vertx;
    final Path dataDir;
    final ManualDeliveryClock clock;
    final TicketflowConfig config;
    final PlatformMetrics metrics = new PlatformMetrics();
    final List<DeliveryOutcome> outcomes = new CopyOnWriteArrayList<>();
    private final Map<String, PluginDeliveries> attached = new ConcurrentHashMap<>();
    private SqliteEventLog log;
    private PluginDispatcher dispatcher;
    private Intake intake;

    private DispatchFixture(Vertx vertx, Path dataDir, ManualDeliveryClock clock, TicketflowConfig config) {
        this.vertx = vertx;
        this.dataDir = dataDir;
        this.clock = clock;
        this.config = config;
    }

    static DispatchFixture start(Path base, DeliverySettings settings, Duration handlerTimeout) {
        Vertx vertx = Vertx.vertx();
        register(vertx, TicketEvent.class);
        register(vertx, DeliveryOutcome.class);
        TicketflowConfig config = TicketflowConfig.defaults(base).withHandlerTimeout(handlerTimeout).withDelivery(settings);
        DispatchFixture fixture = new DispatchFixture(vertx, config.dataDir(), ManualDeliveryClock.startingNow(), config);
        vertx.eventBus().<DeliveryOutcome>consumer(DeliveryOutcome.ADDRESS, m -> fixture.outcomes.add(m.body()))
                .completion().await();
        fixture.open();
        return fixture;
    }

    private void open() {
        log = SqliteEventLog.open(vertx, dataDir, Clock.systemUTC()).await();
        dispatcher = new PluginDispatcher(vertx, config, log.deliveries(), clock, metrics);
        intake = new Intake(log, dispatcher, vertx.eventBus(), Clock.systemUTC());
    }

    /** Stops delivering (in-flight deliveries are abandoned after {@code maxWait}) and closes the log, then opens both again. */
    void restart(Duration maxWait) {
        for (PluginDeliveries deliveries : List.copyOf(attached.values())) {
            dispatcher.detach(deliveries, maxWait).await();
        }
        attached.clear();
        log.close().await();
        open();
    }

    String accept(String type, String ticketId) {
        TicketEvent event = new TicketEvent(null, type, null, "test:desk", Ticket.withId(ticketId), null, null, null,
                Map.of());
        return intake.accept(event, null).await().eventId();
    }

    PluginDeliveries attach(String pluginId, String... patterns) {
        PluginDeliveries deliveries = dispatcher.attach(pluginId, List.of(patterns)).await();
        attached.put(pluginId, deliveries);
        return deliveries;
    }

    void detach(String pluginId, Duration maxWait) {
        PluginDeliveries deliveries = attached.remove(pluginId);
        dispatcher.detach(deliveries, maxWait).await();
    }

    PluginDeliveries deliveries(String pluginId) {
        return attached.get(pluginId);
    }

    PluginDispatcher dispatcher() {
        return dispatcher;
    }

    DeliveryStore store() {
        return log.deliveries();
    }

    /** Every delivery of a plugin, oldest first. */
    List<Delivery> deliveriesOf(String pluginId) {
        List<Delivery> oldestFirst = new ArrayList<>(store().list(new DeliveryQuery(null, false, pluginId, null,
                null, null, DeliveryQuery.MAX_LIMIT)).await().deliveries());
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    List<DeliveryOutcome> outcomesOf(String pluginId) {
        return outcomes.stream().filter(o -> o.pluginId().equals(pluginId)).toList();
    }

    @Override
    public void close() {
        try {
            for (PluginDeliveries deliveries : List.copyOf(attached.values())) {
                dispatcher.detach(deliveries, Duration.ZERO).await();
            }
            log.close().await();
        } finally {
            vertx.close().await();
        }
    }

    private static <T> void register(Vertx vertx, Class<T> type) {
        try {
            vertx.eventBus().registerDefaultCodec(type, new LocalCodec<>(type));
        } catch (IllegalStateException alreadyRegistered) {
            // shared Vert.x
        }
    }
}
