package dev.ticketflow.platform.eventlog;

import dev.ticketflow.api.Accepted;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.json.EventJson;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The embedded event log: a SQLite file {@code <dataDir>/ticketflow.db} in WAL mode with
 * {@code synchronous=FULL}, written by one thread with group commit (see
 * {@link GroupCommitWriter}). An operator can open the file with the {@code sqlite3} shell.
 */
public final class SqliteEventLog implements EventLog {

    /** The database file's name inside the data folder. */
    public static final String FILE_NAME = "ticketflow.db";

    private final Vertx vertx;
    private final Clock clock;
    private final Path file;
    private final GroupCommitWriter writer;

    private SqliteEventLog(Vertx vertx, Clock clock, Path file) {
        this.vertx = vertx;
        this.clock = clock;
        this.file = file;
        this.writer = new GroupCommitWriter(file);
    }

    /**
     * Opens the event log in a data folder, creating the folder and the database when missing
     * and migrating an older schema.
     *
     * @param vertx the Vert.x instance whose contexts receive the answers
     * @param dataDir the data folder
     * @return the log, once the database is open
     */
    public static Future<EventLog> open(Vertx vertx, Path dataDir) {
        return open(vertx, dataDir, Clock.systemUTC()).map(log -> log);
    }

    /**
     * Opens the event log with a given clock for the acceptance times.
     *
     * @param vertx the Vert.x instance whose contexts receive the answers
     * @param dataDir the data folder
     * @param clock stamps {@code accepted_at} and the delivery ids' {@code received_at}
     * @return the log, once the database is open
     */
    public static Future<SqliteEventLog> open(Vertx vertx, Path dataDir, Clock clock) {
        SqliteEventLog log = new SqliteEventLog(vertx, clock, dataDir.resolve(FILE_NAME));
        return log.writer.start(vertx.getOrCreateContext()).map(v -> log);
    }

    @Override
    public Future<Accepted> append(TicketEvent event, String deliveryId) {
        if (event.id() == null) {
            return Future.failedFuture(new IllegalArgumentException(
                    "an event gets its id before it is appended (Intake assigns one)"));
        }
        if (event.ticketId() == null) {
            return Future.failedFuture(new IllegalArgumentException(
                    "event " + event.id() + " names no ticket id; every event is about one ticket"));
        }
        String body;
        try {
            body = EventJson.toString(event);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        long now = clock.millis();
        long occurredAt = event.occurredAt() != null ? event.occurredAt().toEpochMilli() : now;
        Promise<Accepted> promise = Promise.promise();
        writer.submit(new PendingAppend(event.id(), event.type(), event.source(), event.ticketId(),
                occurredAt, now, body, deliveryId, vertx.getOrCreateContext(), promise));
        return promise.future();
    }

    @Override
    public Future<Void> close() {
        return writer.close(vertx.getOrCreateContext());
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /**
     * Transactions committed so far. With group commit this grows slower than the number of
     * appends; tests and metrics read it.
     *
     * @return the number of commits
     */
    public long commits() {
        return writer.commits();
    }
}
