package dev.ticketflow.platform.port.internal;

import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.Scheduler;
import dev.ticketflow.platform.dispatch.PluginDispatcher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scheduler port on plain Vert.x timers: a fired timer delivers its event to the scheduling
 * plugin through the dispatcher, in order with the ticket's other events.
 *
 * <p>Timers live in memory only: they are lost when the plugin stops or the process ends. Durable
 * timers that survive restarts come with durable delivery and replace this class behind the same
 * {@link Scheduler} API.
 */
public final class InMemoryScheduler implements Scheduler {

    private final Vertx vertx;
    private final PluginDispatcher dispatcher;
    private final String pluginId;
    private final List<String> subscriptions;
    private final Clock clock;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public InMemoryScheduler(Vertx vertx, PluginDispatcher dispatcher, String pluginId, List<String> subscriptions,
            Clock clock) {
        this.vertx = vertx;
        this.dispatcher = dispatcher;
        this.pluginId = pluginId;
        this.subscriptions = List.copyOf(subscriptions);
        this.clock = clock;
    }

    @Override
    public Future<Void> schedule(String key, Instant at, TicketEvent event) {
        if (key == null || at == null || event == null) {
            return Future.failedFuture(new IllegalArgumentException("schedule needs a key, a time and an event"));
        }
        if (subscriptions.stream().noneMatch(pattern -> EventTypes.matches(pattern, event.type()))) {
            return Future.failedFuture(new IllegalArgumentException("plugin '" + pluginId + "' schedules a '"
                    + event.type() + "' event but does not subscribe to that type (plugin.subscriptions)"));
        }
        long delay = Math.max(1, Duration.between(clock.instant(), at).toMillis());
        TicketEvent stamped = event.withIdAndTime(
                event.id() != null ? event.id() : "evt_" + UUID.randomUUID().toString().replace("-", ""), at);
        // the entry goes in before the timer exists, so a fast timer or a concurrent cancel finds it
        Timer timer = new Timer();
        Timer replaced = timers.put(key, timer);
        if (replaced != null) {
            vertx.cancelTimer(replaced.id);
        }
        timer.id = vertx.setTimer(delay, fired -> {
            if (timers.remove(key, timer)) {
                dispatcher.deliverTo(pluginId, stamped);
            }
        });
        return Future.succeededFuture();
    }

    @Override
    public Future<Boolean> cancel(String key) {
        return Future.succeededFuture(key != null && cancelTimer(key));
    }

    /** Cancels every timer; called when the plugin stops. */
    public void cancelAll() {
        timers.keySet().forEach(this::cancelTimer);
    }

    private boolean cancelTimer(String key) {
        Timer previous = timers.remove(key);
        return previous != null && vertx.cancelTimer(previous.id);
    }

    private static final class Timer {
        private volatile long id = -1;
    }
}
