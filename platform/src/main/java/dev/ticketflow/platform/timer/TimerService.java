package dev.ticketflow.platform.timer;

import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.timeline.Timeline;
import dev.ticketflow.platform.timeline.TimelineEntry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable timers for every plugin: kept in a {@link TimerStore}, fired when the injected clock
 * says they are due, also after a restart. One Vert.x timer waits for the next due time (at most
 * {@link #MAX_SLEEP}, so a clock that jumps is noticed); {@link #fireDue()} checks at once.
 *
 * <p>A timer fires only while its plugin is started ({@link #activate}); a due timer of a stopped
 * plugin waits for it. Its event goes to that plugin only, through {@link TimerDelivery}; the
 * timer is removed once the delivery has taken the event, so a crash in between fires it again
 * with the same event id (at least once). Rounds run one at a time on the service's own context.
 */
public final class TimerService {

    /** The longest the service sleeps without looking at the clock again. */
    public static final Duration MAX_SLEEP = Duration.ofMinutes(1);
    /** How long a timer whose delivery failed waits before it is tried again. */
    public static final Duration RETRY_DELAY = Duration.ofSeconds(30);

    static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(TimerService.class);

    /** Hands a fired timer's event to its plugin's deliveries. */
    @FunctionalInterface
    public interface TimerDelivery {
        /**
         * @return completes when the delivery has durably taken the event
         */
        Future<Void> deliver(String pluginId, TicketEvent event);
    }

    private final Vertx vertx;
    private final Context context;
    private final TimerStore store;
    private final TimerDelivery delivery;
    private final Timeline timeline;
    private final Clock clock;
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    // confined to the context
    private Future<Integer> running = Future.succeededFuture(0);
    private long wakeTimer = -1;
    private boolean lastRoundFailed;
    private boolean closed;

    public TimerService(Vertx vertx, TimerStore store, TimerDelivery delivery, Timeline timeline, Clock clock) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.store = store;
        this.delivery = delivery;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * Schedules (or reschedules) a plugin's timer.
     *
     * @param pluginId the plugin
     * @param key the key, unique within the plugin
     * @param at when to fire
     * @param event the event to deliver; an event without id gets one now
     * @return the stored timer, once durable
     */
    public Future<StoredTimer> schedule(String pluginId, String key, Instant at, TicketEvent event) {
        String id = event.id() != null ? event.id() : "evt_" + UUID.randomUUID().toString().replace("-", "");
        StoredTimer timer = new StoredTimer(pluginId, key, at, event.withIdAndTime(id, at), clock.instant());
        return store.put(timer).map(stored -> {
            fireDue();
            return timer;
        });
    }

    /**
     * Cancels a plugin's timer.
     *
     * @return the cancelled timer, or {@code null} when there was none
     */
    public Future<StoredTimer> cancel(String pluginId, String key) {
        return store.remove(pluginId, key);
    }

    /** Lets a started plugin's timers fire, and fires those already due. */
    public void activate(String pluginId) {
        active.add(pluginId);
        fireDue();
    }

    /** Holds a stopping plugin's timers until it is started again. */
    public void deactivate(String pluginId) {
        active.remove(pluginId);
    }

    /**
     * Fires every due timer of the started plugins now, after any round already running.
     *
     * @return how many timers fired
     */
    public Future<Integer> fireDue() {
        Promise<Integer> done = Promise.promise();
        context.runOnContext(hop -> {
            Future<Integer> round = running.transform(previous -> closed
                    ? Future.succeededFuture(0)
                    : fireBatches(0));
            running = round;
            round.onComplete(fired -> rearm()).onComplete(done);
        });
        return done.future();
    }

    /**
     * Stops firing; a round in progress completes first.
     *
     * @return completes when no round runs
     */
    public Future<Void> close() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(hop -> {
            closed = true;
            vertx.cancelTimer(wakeTimer);
            running.<Void>transform(finished -> Future.succeededFuture()).onComplete(done);
        });
        return done.future();
    }

    private Future<Integer> fireBatches(int firedSoFar) {
        lastRoundFailed = false;
        return store.due(clock.instant(), Set.copyOf(active), BATCH).compose(timers -> fireAll(timers)
                .compose(fired -> timers.size() == BATCH && fired > 0
                        ? fireBatches(firedSoFar + fired)
                        : Future.succeededFuture(firedSoFar + fired)));
    }

    private Future<Integer> fireAll(List<StoredTimer> timers) {
        Future<Integer> chain = Future.succeededFuture(0);
        // one after another, earliest first: a ticket's timers reach its plugin in due order
        for (StoredTimer timer : timers) {
            chain = chain.compose(count -> fire(timer).map(fired -> fired ? count + 1 : count));
        }
        return chain;
    }

    private Future<Boolean> fire(StoredTimer timer) {
        if (!active.contains(timer.pluginId())) {
            return Future.succeededFuture(false);
        }
        TicketEvent event = timer.event();
        // recorded before the event is handed over, so it precedes the delivery in the timeline
        record(timer, TimelineEntry.SUCCEEDED, "timer '" + timer.key() + "' fired: delivering " + event.type()
                + " event " + event.id(), null);
        return onContext(deliver(timer))
                .compose(delivered -> store.removeFired(timer))
                .map(removed -> true)
                .recover(failure -> {
                    lastRoundFailed = true;
                    LOG.warn("Timer '{}' of plugin '{}' could not fire (retrying in {} s): {}", timer.key(),
                            timer.pluginId(), RETRY_DELAY.toSeconds(), failure.toString());
                    record(timer, TimelineEntry.FAILED, "timer '" + timer.key() + "' could not be delivered;"
                            + " retrying in " + RETRY_DELAY.toSeconds() + " s", String.valueOf(failure.getMessage()));
                    return Future.succeededFuture(false);
                });
    }

    private Future<Void> deliver(StoredTimer timer) {
        try {
            return delivery.deliver(timer.pluginId(), timer.event());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /** The same outcome, completed on this service's context, where its state lives. */
    private <T> Future<T> onContext(Future<T> future) {
        Promise<T> promise = Promise.promise();
        future.onComplete(result -> context.runOnContext(hop -> promise.handle(result)));
        return promise.future();
    }

    private void record(StoredTimer timer, String outcome, String summary, String error) {
        TicketEvent event = timer.event();
        timeline.record(TimelineEntry.of(clock.instant(), event.source(), event.ticketId(), "timer.fire",
                timer.pluginId(), event.id(), outcome, summary, error, new JsonObject()
                        .put("key", timer.key())
                        .put("dueAt", timer.dueAt().toString())
                        .put("type", event.type())));
    }

    private void rearm() {
        if (closed) {
            return;
        }
        store.nextDue(Set.copyOf(active)).onComplete(next -> {
            if (closed) {
                return;
            }
            long delay = MAX_SLEEP.toMillis();
            if (next.succeeded() && next.result() != null) {
                long untilDue = Duration.between(clock.instant(), next.result()).toMillis();
                delay = Math.max(1, Math.min(untilDue, delay));
            }
            if (lastRoundFailed) {
                delay = Math.max(delay, RETRY_DELAY.toMillis());
            }
            vertx.cancelTimer(wakeTimer);
            wakeTimer = vertx.setTimer(delay, fired -> fireDue());
        });
    }
}
