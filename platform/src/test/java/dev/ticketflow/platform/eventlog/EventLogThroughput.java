package dev.ticketflow.platform.eventlog;

import dev.ticketflow.api.event.Person;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.dispatch.DeliveryListener;
import dev.ticketflow.platform.dispatch.DeliveryState;
import dev.ticketflow.platform.dispatch.DueDelivery;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Appends per second of {@link SqliteEventLog} alone, with N appenders each keeping one append
 * in flight. Not a test: run it by hand ({@code main}), with the appender counts as arguments.
 * With {@code -Dsubscribers=N} every append also records N deliveries, and every delivery's
 * success is written back as the dispatcher would: the whole durable write load of delivering
 * each event to N plugins ({@code -DnoOutcomes=true} leaves the successes out).
 */
public final class EventLogThroughput {

    private static final long RUN_MILLIS = 5_000;
    private static final List<String> SUBSCRIBERS = IntStream.range(0, Integer.getInteger("subscribers", 0))
            .mapToObj(i -> "plugin-" + i).toList();

    private EventLogThroughput() {}

    public static void main(String[] args) throws Exception {
        int[] counts = args.length == 0 ? new int[] {1, 8, 64, 256}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Vertx vertx = Vertx.vertx();
        try {
            for (int appenders : counts) {
                Path dir = Files.createTempDirectory("eventlog-throughput");
                SqliteEventLog log = SqliteEventLog.open(vertx, dir, Clock.systemUTC()).await();
                if (!Boolean.getBoolean("noOutcomes")) {
                    writeBackSuccesses(vertx, log);
                }
                AtomicLong done = new AtomicLong();
                long deadline = System.currentTimeMillis() + RUN_MILLIS;
                long start = System.nanoTime();
                List<Promise<Void>> finished = new ArrayList<>();
                for (int a = 0; a < appenders; a++) {
                    Promise<Void> promise = Promise.promise();
                    finished.add(promise);
                    Context context = vertx.getOrCreateContext();
                    String prefix = "a" + a + "_";
                    context.runOnContext(v -> appendUntil(log, prefix, 0, deadline, done, promise));
                }
                for (Promise<Void> p : finished) {
                    p.future().await(60, TimeUnit.SECONDS);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                // CPU time of the one writer thread per append: what bounds throughput once the
                // fsync is shared, and unlike wall time it hardly depends on what else runs
                double writerMicros = writerCpuNanos() / 1e3 / done.get();
                System.out.printf("appenders=%4d  appends=%7d  appends/s=%8.0f  commits=%6d  appends/commit=%6.1f"
                        + "  writer CPU/append=%6.1f us%n", appenders, done.get(), done.get() / seconds, log.commits(),
                        (double) done.get() / log.commits(), writerMicros);
                log.close().await();
            }
        } finally {
            vertx.close().await();
        }
    }

    /** As the dispatcher does: on its one context, each delivery's success is written back. */
    private static void writeBackSuccesses(Vertx vertx, SqliteEventLog log) {
        Context dispatcher = vertx.getOrCreateContext();
        log.deliveries().listen(new DeliveryListener() {
            @Override
            public void recorded(List<DueDelivery> deliveries) {
                dispatcher.runOnContext(hop -> deliveries.forEach(d -> log.deliveries().recordAttempt(d.id(),
                        DeliveryState.SUCCEEDED, 1, null, null)));
            }

            @Override
            public void available(String pluginId) {
            }
        });
    }

    private static long writerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals("ticketflow-eventlog-writer")) {
                return threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return -1;
    }

    private static void appendUntil(SqliteEventLog log, String prefix, int i, long deadline,
            AtomicLong done, Promise<Void> finished) {
        if (System.currentTimeMillis() >= deadline) {
            finished.complete();
            return;
        }
        log.append(event(prefix + i), "d_" + prefix + i, SUBSCRIBERS).onComplete(r -> {
            if (r.failed()) {
                finished.fail(r.cause());
                return;
            }
            done.incrementAndGet();
            appendUntil(log, prefix, i + 1, deadline, done, finished);
        });
    }

    /** About 2 KB of JSON, like a realistic help-desk event. */
    private static TicketEvent event(String id) {
        Ticket ticket = new Ticket("12345", "https://acme.zendesk.com/agent/tickets/12345",
                "My order arrived broken and nobody answers my mails", "open", "high",
                List.of("order", "damaged", "vip", "feedback"),
                new Person("9001", "Jane Customer", "jane@example.com"),
                new Person("42", "Sam Agent", "sam@acme.example"), "support-tier-1", "default",
                Map.of("order_id", "A-998877", "channel", "email", "notes", "x".repeat(1_400)));
        return TicketEvent.of("ticket.updated", "zendesk:acme", ticket)
                .withIdAndTime(id, Instant.now());
    }
}
