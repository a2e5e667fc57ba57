package dev.ticketflow.platform.eventlog;

import dev.ticketflow.api.Accepted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The SQL of the event log, on one connection that only the writer thread uses. Transactions
 * are explicit ({@code BEGIN IMMEDIATE}/{@code COMMIT}) rather than JDBC's auto-commit switch,
 * so that no write lock is held between batches.
 */
final class SqliteEventStore implements AutoCloseable {

    private static final String INSERT_DELIVERY =
            "INSERT INTO inbound_deliveries (delivery_id, event_id, received_at) VALUES (?, ?, ?) "
                    + "ON CONFLICT (delivery_id) DO NOTHING";
    private static final String FIND_DELIVERY =
            "SELECT event_id FROM inbound_deliveries WHERE delivery_id = ?";
    private static final String INSERT_EVENT =
            "INSERT INTO events (id, type, source, ticket_id, occurred_at, accepted_at, body, audience) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING seq";
    private static final String FIND_EVENT = "SELECT seq FROM events WHERE id = ?";
    private static final String EVENT_REF = "SELECT seq, type, ticket_id, audience FROM events WHERE id = ?";
    private static final String SEQ_BOUNDS = "SELECT min(seq), max(seq) FROM events"
            + " WHERE accepted_at >= ? AND accepted_at < ?";
    private static final String EVENT_REFS = "SELECT seq, type, ticket_id, audience FROM events"
            + " WHERE seq > ? AND seq <= ? AND accepted_at >= ? AND accepted_at < ? ORDER BY seq LIMIT ?";

    private final Connection connection;
    private final Statement control;
    private final PreparedStatement insertDelivery;
    private final PreparedStatement findDelivery;
    private final PreparedStatement insertEvent;
    private final PreparedStatement findEvent;

    /**
     * What one append stored.
     *
     * @param accepted the answer to the caller
     * @param seq the new event's position in the log, or 0 when nothing was stored (a duplicate)
     */
    record Stored(Accepted accepted, long seq) {}

    /**
     * What a replay needs of a stored event.
     *
     * @param audience the one plugin the event is for, or {@code null} for all
     */
    record EventRef(long seq, String type, String ticketId, String audience) {}

    private SqliteEventStore(Connection connection) throws SQLException {
        this.connection = connection;
        this.control = connection.createStatement();
        this.insertDelivery = connection.prepareStatement(INSERT_DELIVERY);
        this.findDelivery = connection.prepareStatement(FIND_DELIVERY);
        this.insertEvent = connection.prepareStatement(INSERT_EVENT);
        this.findEvent = connection.prepareStatement(FIND_EVENT);
    }

    /**
     * Opens (creating when missing) the database file and migrates its schema.
     *
     * @param file the database file; its folder is created when missing
     * @return the store
     * @throws IOException when the folder cannot be created
     * @throws SQLException when the database cannot be opened or migrated
     */
    static SqliteEventStore open(Path file) throws IOException, SQLException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        SQLiteConfig config = new SQLiteConfig();
        // WAL lets readers (admin API, replay) run beside the writer; FULL syncs the WAL on every
        // commit, which is what makes a 202 mean "on disk". Group commit pays for the fsync.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(5_000);
        // the delivery indexes are written with every event: keep their hot pages in memory
        config.setCacheSize(-32_000);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            SqliteMigrations.migrate(connection);
            return new SqliteEventStore(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The writer's connection, for the other statements of its transactions. */
    Connection connection() {
        return connection;
    }

    void begin() throws SQLException {
        control.executeUpdate("BEGIN IMMEDIATE");
    }

    void commit() throws SQLException {
        control.executeUpdate("COMMIT");
    }

    /** Rolls back the open transaction, if any; a failure here changes nothing for the caller. */
    void rollbackQuietly() {
        try {
            control.executeUpdate("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction was open (SQLite already rolled it back), or the connection is
            // gone: either way nothing of it was committed
        }
    }

    /** Marks where {@link #undoToSavepoint} goes back to, inside the open transaction. */
    void savepoint() throws SQLException {
        control.executeUpdate("SAVEPOINT task");
    }

    /** Keeps what was written since {@link #savepoint}. */
    void releaseSavepoint() throws SQLException {
        control.executeUpdate("RELEASE task");
    }

    /** Undoes what was written since {@link #savepoint}; the transaction stays open. */
    void undoToSavepoint() throws SQLException {
        control.executeUpdate("ROLLBACK TO task");
        control.executeUpdate("RELEASE task");
    }

    /**
     * Writes one append inside the open transaction.
     *
     * @param append the append
     * @return the event id, {@code duplicate=false} and its position when stored; the first
     *     event's id and {@code duplicate=true} when the delivery id or the event id was already
     *     stored
     * @throws SQLException when SQLite refuses the write
     */
    Stored write(PendingAppend append) throws SQLException {
        if (append.deliveryId() != null && !insertDelivery(append)) {
            return new Stored(new Accepted(firstEventOf(append.deliveryId()), true), 0);
        }
        insertEvent.setString(1, append.eventId());
        insertEvent.setString(2, append.type());
        insertEvent.setString(3, append.event().source());
        insertEvent.setString(4, append.ticketId());
        insertEvent.setLong(5, append.occurredAtMillis());
        insertEvent.setLong(6, append.acceptedAtMillis());
        insertEvent.setString(7, append.body());
        insertEvent.setString(8, append.audience());
        try (ResultSet rs = insertEvent.executeQuery()) {
            if (rs.next()) {
                return new Stored(new Accepted(append.eventId(), false), rs.getLong(1));
            }
        }
        return new Stored(new Accepted(append.eventId(), true), 0);
    }

    /**
     * The position of a stored event.
     *
     * @param eventId the event id
     * @return its position, or 0 when no such event is stored
     */
    long seqOf(String eventId) throws SQLException {
        findEvent.setString(1, eventId);
        try (ResultSet rs = findEvent.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private boolean insertDelivery(PendingAppend append) throws SQLException {
        insertDelivery.setString(1, append.deliveryId());
        insertDelivery.setString(2, append.eventId());
        insertDelivery.setLong(3, append.acceptedAtMillis());
        return insertDelivery.executeUpdate() == 1;
    }

    private String firstEventOf(String deliveryId) throws SQLException {
        findDelivery.setString(1, deliveryId);
        try (ResultSet rs = findDelivery.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("delivery id " + deliveryId + " conflicts but is not stored");
            }
            return rs.getString(1);
        }
    }

    /** The stored event with that id, or {@code null}. */
    EventRef ref(String eventId) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(EVENT_REF)) {
            find.setString(1, eventId);
            try (ResultSet rs = find.executeQuery()) {
                return rs.next() ? eventRef(rs) : null;
            }
        }
    }

    /**
     * The positions of the first and last event accepted in a time range.
     *
     * @return {@code [first, last]}, or {@code null} when none was
     */
    long[] seqBounds(long fromMillis, long toMillis) throws SQLException {
        try (PreparedStatement bounds = connection.prepareStatement(SEQ_BOUNDS)) {
            bounds.setLong(1, fromMillis);
            bounds.setLong(2, toMillis);
            try (ResultSet rs = bounds.executeQuery()) {
                long first = rs.next() ? rs.getLong(1) : 0;
                return rs.wasNull() ? null : new long[] {first, rs.getLong(2)};
            }
        }
    }

    /** Events accepted in a time range, after a position and up to another, in log order. */
    List<EventRef> refs(long afterSeq, long lastSeq, long fromMillis, long toMillis, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(EVENT_REFS)) {
            select.setLong(1, afterSeq);
            select.setLong(2, lastSeq);
            select.setLong(3, fromMillis);
            select.setLong(4, toMillis);
            select.setInt(5, limit);
            List<EventRef> refs = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    refs.add(eventRef(rs));
                }
            }
            return refs;
        }
    }

    private static EventRef eventRef(ResultSet rs) throws SQLException {
        return new EventRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    @Override
    public void close() throws SQLException {
        try (connection; control; insertDelivery; findDelivery; insertEvent; findEvent) {
            // closes the statements, then the connection (SQLite checkpoints the WAL on the last close)
        }
    }
}
