package dev.ticketflow.platform.eventlog;

import dev.ticketflow.api.Accepted;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.dispatch.DeliveryStore;
import dev.ticketflow.platform.json.EventJson;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * The embedded event log: a SQLite file {@code <dataDir>/ticketflow.db} in WAL mode with
 * {@code synchronous=FULL}, written by one thread with group commit (see
 * {@link GroupCommitWriter}) and read through a few read-only connections. It also holds the
 * deliveries to plugins ({@link #deliveries()}), written in the same transactions as the events
 * they belong to. An operator can open the file with the {@code sqlite3} shell.
 */
public final class SqliteEventLog implements EventLog {

    /** The database file's name inside the data folder. */
    public static final String FILE_NAME = "ticketflow.db";

    private final Vertx vertx;
    private final Clock clock;
    private final Path file;
    private final GroupCommitWriter writer;
    private SqliteReaders readers;
    private SqliteDeliveryStore deliveries;

    private SqliteEventLog(Vertx vertx, Clock clock, Path file) {
        this.vertx = vertx;
        this.clock = clock;
        this.file = file;
        this.writer = new GroupCommitWriter(file, clock);
    }

    /**
     * Opens the event log in a data folder, creating the folder and the database when missing
     * and migrating an older schema.
     *
     * @param vertx the Vert.x instance whose contexts receive the answers
     * @param dataDir the data folder
     * @return the log, once the database is open
     */
    public static Future<SqliteEventLog> open(Vertx vertx, Path dataDir) {
        return open(vertx, dataDir, Clock.systemUTC());
    }

    /**
     * Opens the event log with a given clock for the acceptance times.
     *
     * @param vertx the Vert.x instance whose contexts receive the answers
     * @param dataDir the data folder
     * @param clock stamps {@code accepted_at}, the delivery ids' {@code received_at} and the
     *     deliveries' record times
     * @return the log, once the database is open
     */
    public static Future<SqliteEventLog> open(Vertx vertx, Path dataDir, Clock clock) {
        SqliteEventLog log = new SqliteEventLog(vertx, clock, dataDir.resolve(FILE_NAME));
        return log.writer.start(vertx.getOrCreateContext())
                .compose(v -> SqliteReaders.open(vertx, log.file)
                        .recover(failure -> log.writer.close(vertx.getOrCreateContext())
                                .transform(closed -> Future.failedFuture(failure))))
                .map(readers -> {
                    log.readers = readers;
                    log.deliveries = new SqliteDeliveryStore(vertx, clock, log.writer, readers);
                    return log;
                });
    }

    @Override
    public Future<Accepted> append(TicketEvent event, String deliveryId, List<String> subscribers) {
        PendingAppend append;
        try {
            append = pendingAppend(event, deliveryId, null, subscribers, clock.millis());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        Promise<Accepted> promise = Promise.promise();
        writer.submit(new WriteTask<>("event " + event.id(), session -> DeliveryWork.append(session, append), true,
                false, vertx.getOrCreateContext(), promise));
        return promise.future();
    }

    /** Checks and serializes an event on the caller's thread, so that the writer only writes. */
    static PendingAppend pendingAppend(TicketEvent event, String deliveryId, String audience,
            List<String> subscribers, long now) {
        if (event.id() == null) {
            throw new IllegalArgumentException("an event gets its id before it is appended (Intake assigns one)");
        }
        if (event.ticketId() == null) {
            throw new IllegalArgumentException(
                    "event " + event.id() + " names no ticket id; every event is about one ticket");
        }
        String body = EventJson.toString(event);
        long occurredAt = event.occurredAt() != null ? event.occurredAt().toEpochMilli() : now;
        return new PendingAppend(event, event.type(), event.ticketId(), occurredAt, now, body, deliveryId, audience,
                List.copyOf(subscribers));
    }

    /** The deliveries to plugins, stored beside the events. */
    /**
     * Tells a listener (the ticket timeline) of every newly accepted event, on the writer thread
     * right after its COMMIT and before any delivery of it starts. The listener must not block.
     *
     * @param listener called once per new event
     */
    public void onAccepted(Consumer<TicketEvent> listener) {
        writer.onAccepted(listener);
    }

    public DeliveryStore deliveries() {
        return deliveries;
    }

    @Override
    public Future<Void> close() {
        return writer.close(vertx.getOrCreateContext()).eventually(() -> readers.close());
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /**
     * Transactions committed so far. With group commit this grows slower than the number of
     * writes; tests and metrics read it.
     *
     * @return the number of commits
     */
    public long commits() {
        return writer.commits();
    }
}
