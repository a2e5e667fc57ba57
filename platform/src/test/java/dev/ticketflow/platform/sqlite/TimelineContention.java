package dev.ticketflow.platform.sqlite;

import dev.ticketflow.api.event.Person;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.eventlog.SqliteEventLog;
import dev.ticketflow.platform.timeline.TimelineEntry;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much recording the timeline beside the event log costs the log's appends: N appenders each
 * keep one append in flight, once alone and once while every append is followed by six timeline
 * entries (the accepted event and five delivery outcomes, as with five subscribed plugins). Not a
 * test: run it by hand ({@code main}), the appender count as argument.
 */
public final class TimelineContention {

    private static final long RUN_MILLIS = 5_000;
    private static final int ENTRIES_PER_EVENT = 6;

    private TimelineContention() {}

    public static void main(String[] args) throws Exception {
        int appenders = args.length == 0 ? 64 : Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx();
        try {
            for (String mode : new String[] {"none", "own-file", "same-file", "none", "own-file", "same-file"}) {
                run(vertx, appenders, mode);
            }
        } finally {
            vertx.close().await();
        }
    }

    private static void run(Vertx vertx, int appenders, String mode) throws Exception {
        Path dir = Files.createTempDirectory("timeline-contention");
        SqliteEventLog log = SqliteEventLog.open(vertx, dir, Clock.systemUTC()).await();
        boolean withTimeline = !mode.equals("none");
        SqliteTimeline timeline = mode.equals("same-file") ? sameFile(vertx, log) : SqliteTimeline.open(vertx, dir,
                log.file()).await();
        AtomicLong done = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long deadline = System.currentTimeMillis() + RUN_MILLIS;
        long start = System.nanoTime();
        List<Promise<Void>> finished = new ArrayList<>();
        for (int a = 0; a < appenders; a++) {
            Promise<Void> promise = Promise.promise();
            finished.add(promise);
            Context context = vertx.getOrCreateContext();
            String prefix = "a" + a + "_";
            Appender appender = new Appender(log, timeline, withTimeline, prefix, deadline, done, latencies, promise);
            context.runOnContext(v -> appender.next(0));
        }
        for (Promise<Void> p : finished) {
            p.future().await(60, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("timeline=%-9s appenders=%d  appends/s=%8.0f  p50=%5.2f ms  p99=%6.2f ms  max=%6.2f ms%n",
                mode, appenders, done.get() / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
        timeline.close().await();
        log.close().await();
    }

    /** The timeline table inside ticketflow.db, as a first design had it, for comparison. */
    private static SqliteTimeline sameFile(Vertx vertx, SqliteEventLog log) throws Exception {
        String script;
        try (var in = SqliteTimeline.class.getResourceAsStream("/db/migration/sqlite-timeline/V1__timeline.sql")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        SqliteWorker worker = SqliteWorker.open(vertx, log.file(), "BEGIN IMMEDIATE", connection -> {
            try (var statement = connection.createStatement()) {
                statement.executeUpdate(script);
                // the source lookup needs a log.events; an empty one in memory will do here
                statement.execute("ATTACH DATABASE ':memory:' AS log");
                statement.execute("CREATE TABLE log.events (id TEXT PRIMARY KEY, source TEXT)");
            }
            return null;
        }).await();
        return SqliteTimeline.onWorker(vertx, worker);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private record Appender(SqliteEventLog log, SqliteTimeline timeline, boolean withTimeline, String prefix,
            long deadline, AtomicLong done, ConcurrentLinkedQueue<Long> latencies, Promise<Void> finished) {

        void next(int i) {
            if (System.currentTimeMillis() >= deadline) {
                finished.complete();
                return;
            }
            TicketEvent event = event(prefix + i);
            long sent = System.nanoTime();
            log.append(event, "d_" + prefix + i).onComplete(r -> {
                if (r.failed()) {
                    finished.fail(r.cause());
                    return;
                }
                latencies.add(System.nanoTime() - sent);
                done.incrementAndGet();
                if (withTimeline) {
                    for (int e = 0; e < ENTRIES_PER_EVENT; e++) {
                        timeline.record(TimelineEntry.of(Instant.now(), e == 0 ? "zendesk:acme" : null, "12345",
                                e == 0 ? "event.accepted" : "delivery", e == 0 ? null : "plugin-" + e, event.id(),
                                "succeeded", "plugin 'plugin-" + e + "' handled event " + event.id()
                                        + " (attempt 1, 2 ms)", null, new JsonObject().put("attempt", 1)));
                    }
                }
                next(i + 1);
            });
        }
    }

    private static TicketEvent event(String id) {
        Ticket ticket = new Ticket("12345", "https://acme.zendesk.com/agent/tickets/12345",
                "My order arrived broken and nobody answers my mails", "open", "high",
                List.of("order", "damaged", "vip", "feedback"),
                new Person("9001", "Jane Customer", "jane@example.com"),
                new Person("42", "Sam Agent", "sam@acme.example"), "support-tier-1", "default",
                Map.of("order_id", "A-998877", "channel", "email", "notes", "x".repeat(1_400)));
        return TicketEvent.of("ticket.updated", "zendesk:acme", ticket).withIdAndTime(id, Instant.now());
    }
}
