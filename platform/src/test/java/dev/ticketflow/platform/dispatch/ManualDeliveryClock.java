package dev.ticketflow.platform.dispatch;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A delivery clock that only moves when a test says so: "retry in 5 minutes" runs when the test
 * advances the clock by 5 minutes, on the context that scheduled it, and not a moment earlier.
 */
public final class ManualDeliveryClock implements DeliveryClock {

    private final AtomicLong now;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Task> tasks = new ConcurrentHashMap<>();

    private record Task(long id, long due, Context context, Runnable work) {}

    public ManualDeliveryClock(long startMillis) {
        this.now = new AtomicLong(startMillis);
    }

    /** A clock starting at the current wall-clock time. */
    public static ManualDeliveryClock startingNow() {
        return new ManualDeliveryClock(System.currentTimeMillis());
    }

    @Override
    public long millis() {
        return now.get();
    }

    @Override
    public long schedule(long delayMillis, Runnable task) {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("schedule from a Vert.x context, as the dispatcher does");
        }
        long id = ids.incrementAndGet();
        tasks.put(id, new Task(id, now.get() + Math.max(1, delayMillis), context, task));
        return id;
    }

    @Override
    public void cancel(long handle) {
        tasks.remove(handle);
    }

    /**
     * Moves the clock forward and runs, on their contexts, the tasks that became due.
     *
     * @param step how far
     */
    public void advance(Duration step) {
        long target = now.addAndGet(step.toMillis());
        List<Task> due = new ArrayList<>();
        for (Task task : tasks.values()) {
            if (task.due() <= target) {
                due.add(task);
            }
        }
        due.sort(Comparator.comparingLong(Task::due).thenComparingLong(Task::id));
        for (Task task : due) {
            if (tasks.remove(task.id(), task)) {
                task.context().runOnContext(v -> task.work().run());
            }
        }
    }

    /** When the earliest scheduled task is due, relative to now; {@code null} when none is. */
    public Duration nextDue() {
        return tasks.values().stream().mapToLong(Task::due).min()
                .stream().mapToObj(due -> Duration.ofMillis(due - now.get())).findFirst().orElse(null);
    }
}
