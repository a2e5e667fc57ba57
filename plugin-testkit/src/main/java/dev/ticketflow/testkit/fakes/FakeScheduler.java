package dev.ticketflow.testkit.fakes;

import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.Scheduler;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Timers on a {@link MutableClock}: one per key (scheduling a key again replaces it), fired in
 * time order when the test advances the clock, each delivered like any event (by
 * {@link FakePluginContext}, to the plugin's handlers). A fired timer gets the id
 * {@code timer-N} and the clock's time. Thread-safe.
 */
public final class FakeScheduler implements Scheduler {

    /**
     * A pending timer.
     *
     * @param key its key
     * @param at when it is due
     * @param event what it delivers
     */
    public record Timer(String key, Instant at, TicketEvent event) {}

    private final MutableClock clock;
    private final Map<String, Timer> timers = new LinkedHashMap<>();
    private volatile Function<TicketEvent, Future<Void>> delivery = event -> Future.succeededFuture();
    private int fired;

    /** @param clock the clock timers are due on */
    public FakeScheduler(MutableClock clock) {
        this.clock = clock;
    }

    /** @param target where due timers are delivered */
    public void deliverTo(Function<TicketEvent, Future<Void>> target) {
        this.delivery = target;
    }

    /** @return the clock */
    public MutableClock clock() {
        return clock;
    }

    /** @return the pending timers by key */
    public synchronized Map<String, Timer> pending() {
        return Map.copyOf(timers);
    }

    @Override
    public synchronized Future<Void> schedule(String key, Instant at, TicketEvent event) {
        timers.put(key, new Timer(key, at, event));
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Boolean> cancel(String key) {
        return Future.succeededFuture(timers.remove(key) != null);
    }

    /**
     * Moves the clock and delivers every timer due by then, earliest first, each after the
     * previous delivery completed (timers scheduled meanwhile fire too when due).
     *
     * @param duration how far to move the clock
     */
    public void advance(Duration duration) {
        clock.advance(duration);
        fireDue();
    }

    /** Delivers every timer due at the clock's current time, without moving it. */
    public void fireDue() {
        for (Optional<Timer> due = nextDue(); due.isPresent(); due = nextDue()) {
            TicketEvent event = due.get().event().withIdAndTime("timer-" + nextFired(), clock.instant());
            delivery.apply(event).await();
        }
    }

    private synchronized int nextFired() {
        return ++fired;
    }

    private synchronized Optional<Timer> nextDue() {
        Optional<Timer> due = timers.values().stream()
                .filter(timer -> !timer.at().isAfter(clock.instant()))
                .min(Comparator.comparing(Timer::at));
        due.ifPresent(timer -> timers.remove(timer.key()));
        return due;
    }
}
