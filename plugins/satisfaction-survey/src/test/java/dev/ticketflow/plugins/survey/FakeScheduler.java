package dev.ticketflow.plugins.survey;

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
 * time order when the test advances the clock, each delivered to the plugin like any event.
 */
final class FakeScheduler implements Scheduler {

    /** A pending timer. */
    record Timer(String key, Instant at, TicketEvent event) {}

    private final MutableClock clock;
    private final Map<String, Timer> timers = new LinkedHashMap<>();
    private Function<TicketEvent, Future<Void>> delivery;
    private int fired;

    FakeScheduler(MutableClock clock) {
        this.clock = clock;
    }

    void deliverTo(Function<TicketEvent, Future<Void>> target) {
        this.delivery = target;
    }

    synchronized Map<String, Timer> pending() {
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

    /** Moves the clock and delivers every timer that is due by then. */
    void advance(Duration duration) {
        clock.advance(duration);
        for (Optional<Timer> due = nextDue(); due.isPresent(); due = nextDue()) {
            TicketEvent event = due.get().event().withIdAndTime("timer-" + ++fired, clock.instant());
            delivery.apply(event).await();
        }
    }

    private synchronized Optional<Timer> nextDue() {
        Optional<Timer> due = timers.values().stream()
                .filter(timer -> !timer.at().isAfter(clock.instant()))
                .min(Comparator.comparing(Timer::at));
        due.ifPresent(timer -> timers.remove(timer.key()));
        return due;
    }
}
