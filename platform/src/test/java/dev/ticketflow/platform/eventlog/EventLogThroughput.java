package dev.ticketflow.platform.eventlog;

import dev.ticketflow.api.event.Person;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
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

/**
 * Appends per second of {@link SqliteEventLog} alone, with N appenders each keeping one append
 * in flight. Not a test: run it by hand ({@code main}), with the appender counts as arguments.
 */
public final class EventLogThroughput {

    private static final long RUN_MILLIS = 5_000;

    private EventLogThroughput() {}

    public static void main(String[] args) throws Exception {
        int[] counts = args.length == 0 ? new int[] {1, 8, 64, 256}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Vertx vertx = Vertx.vertx();
        try {
            for (int appenders : counts) {
                Path dir = Files.createTempDirectory("eventlog-throughput");
                SqliteEventLog log = SqliteEventLog.open(vertx, dir, Clock.systemUTC()).await();
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
                System.out.printf("appenders=%4d  appends=%7d  appends/s=%8.0f  commits=%6d  appends/commit=%6.1f%n",
                        appenders, done.get(), done.get() / seconds, log.commits(),
                        (double) done.get() / log.commits());
                log.close().await();
            }
        } finally {
            vertx.close().await();
        }
    }

    private static void appendUntil(SqliteEventLog log, String prefix, int i, long deadline,
            AtomicLong done, Promise<Void> finished) {
        if (System.currentTimeMillis() >= deadline) {
            finished.complete();
            return;
        }
        log.append(event(prefix + i), "d_" + prefix + i).onComplete(r -> {
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
