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
            "INSERT INTO events (id, type, source, ticket_id, occurred_at, accepted_at, body) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";

    private final Connection connection;
    private final Statement control;
    private final PreparedStatement insertDelivery;
    private final PreparedStatement findDelivery;
    private final PreparedStatement insertEvent;

    private SqliteEventStore(Connection connection) throws SQLException {
        this.connection = connection;
        this.control = connection.createStatement();
        this.insertDelivery = connection.prepareStatement(INSERT_DELIVERY);
        this.findDelivery = connection.prepareStatement(FIND_DELIVERY);
        this.insertEvent = connection.prepareStatement(INSERT_EVENT);
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
        Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            SqliteMigrations.migrate(connection);
            return new SqliteEventStore(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
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

    /**
     * Writes one append inside the open transaction.
     *
     * @param append the append
     * @return the event id and {@code duplicate=false} when stored; the first event's id and
     *     {@code duplicate=true} when the delivery id or the event id was already stored
     * @throws SQLException when SQLite refuses the write
     */
    Accepted write(PendingAppend append) throws SQLException {
        if (append.deliveryId() != null && !insertDelivery(append)) {
            return new Accepted(firstEventOf(append.deliveryId()), true);
        }
        insertEvent.setString(1, append.eventId());
        insertEvent.setString(2, append.type());
        insertEvent.setString(3, append.source());
        insertEvent.setString(4, append.ticketId());
        insertEvent.setLong(5, append.occurredAtMillis());
        insertEvent.setLong(6, append.acceptedAtMillis());
        insertEvent.setString(7, append.body());
        boolean stored = insertEvent.executeUpdate() == 1;
        return new Accepted(append.eventId(), !stored);
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

    @Override
    public void close() throws SQLException {
        try (connection; control; insertDelivery; findDelivery; insertEvent) {
            // closes the statements, then the connection (SQLite checkpoints the WAL on the last close)
        }
    }
}
