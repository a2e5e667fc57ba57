package dev.ticketflow.platform.eventlog;

import dev.ticketflow.platform.dispatch.DeliveryState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that write deliveries, on the writer's connection and inside its open
 * transaction. Prepared once; used by the writer thread only.
 */
final class SqliteDeliveryWrites implements AutoCloseable {

    private static final String INSERT = "INSERT INTO deliveries (plugin_id, event_seq, ticket_id, state, attempts,"
            + " attempt_base, next_attempt_at, replay, created_at, updated_at)"
            + " VALUES (?, ?, ?, 'pending', 0, ?, ?, ?, ?, ?) RETURNING id";
    private static final String UPDATE = "UPDATE deliveries SET state = ?, attempts = ?,"
            + " next_attempt_at = coalesce(?, next_attempt_at), last_error = ?, updated_at = ? WHERE id = ?";
    private static final String ROW = "SELECT plugin_id, event_seq, ticket_id, state, attempts, attempt_base,"
            + " retried_by FROM deliveries WHERE id = ?";
    private static final String MARK_RETRIED = "UPDATE deliveries SET retried_by = ?, updated_at = ? WHERE id = ?";
    private static final String DEAD_LETTERS = "SELECT id FROM deliveries"
            + " WHERE plugin_id = ? AND state = 'dead' AND retried_by IS NULL ORDER BY id LIMIT ?";
    /** Rows per multi-row insert of an event's deliveries; more subscribers take several. */
    static final int ROWS_PER_INSERT = 8;
    private static final String INSERT_ROW = "(?, ?, ?, 'pending', 0, 0, ?, 0, ?, ?)";
    // one statement for a whole batch's successes: the JSON array [[id, attempts], ...] is one parameter
    private static final String SUCCEEDED = "UPDATE deliveries SET state = 'succeeded', attempts = done.attempts,"
            + " last_error = NULL, updated_at = ? FROM (SELECT json_extract(value, '$[0]') AS id,"
            + " json_extract(value, '$[1]') AS attempts FROM json_each(?)) AS done WHERE deliveries.id = done.id";
    private static final String PRIOR_ATTEMPTS = "SELECT coalesce(max(attempt_base + attempts), 0), count(*)"
            + " FROM deliveries WHERE event_seq = ? AND plugin_id = ?";

    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement row;
    private final PreparedStatement markRetried;
    private final PreparedStatement deadLetters;
    private final PreparedStatement priorAttempts;
    private final PreparedStatement succeeded;
    private final PreparedStatement[] insertRows = new PreparedStatement[ROWS_PER_INSERT + 1];
    private final StringBuilder successes = new StringBuilder();

    /**
     * A delivery row as retrying a dead letter needs it.
     *
     * @param retriedBy the delivery retrying it, or 0
     */
    record Row(long id, String pluginId, long eventSeq, String ticketId, DeliveryState state, int attempts,
            int attemptBase, long retriedBy) {}

    /**
     * Earlier deliveries of one event to one plugin.
     *
     * @param attempts attempts they made together (the highest count reached)
     * @param deliveries how many there were
     */
    record Prior(int attempts, int deliveries) {}

    SqliteDeliveryWrites(Connection connection) throws SQLException {
        this.connection = connection;
        this.insert = connection.prepareStatement(INSERT);
        this.update = connection.prepareStatement(UPDATE);
        this.row = connection.prepareStatement(ROW);
        this.markRetried = connection.prepareStatement(MARK_RETRIED);
        this.deadLetters = connection.prepareStatement(DEAD_LETTERS);
        this.priorAttempts = connection.prepareStatement(PRIOR_ATTEMPTS);
        this.succeeded = connection.prepareStatement(SUCCEEDED);
    }

    Connection connection() {
        return connection;
    }

    /**
     * Records a pending delivery.
     *
     * @return its id
     */
    long insert(String pluginId, long eventSeq, String ticketId, int attemptBase, boolean replay, long now)
            throws SQLException {
        insert.setString(1, pluginId);
        insert.setLong(2, eventSeq);
        insert.setString(3, ticketId);
        insert.setInt(4, attemptBase);
        insert.setLong(5, now);
        insert.setInt(6, replay ? 1 : 0);
        insert.setLong(7, now);
        insert.setLong(8, now);
        try (ResultSet rs = insert.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("inserting a delivery returned no id");
            }
            return rs.getLong(1);
        }
    }

    /**
     * Records the pending deliveries of a new event, several rows per statement: the hot path of
     * every append.
     *
     * @param pluginIds the plugins
     * @return the delivery ids, in the order of {@code pluginIds}
     */
    long[] insertPending(List<String> pluginIds, long eventSeq, String ticketId, long now) throws SQLException {
        long[] ids = new long[pluginIds.size()];
        for (int from = 0; from < pluginIds.size(); from += ROWS_PER_INSERT) {
            int rows = Math.min(ROWS_PER_INSERT, pluginIds.size() - from);
            PreparedStatement statement = insertRows(rows);
            int p = 1;
            for (int i = from; i < from + rows; i++) {
                statement.setString(p++, pluginIds.get(i));
                statement.setLong(p++, eventSeq);
                statement.setString(p++, ticketId);
                statement.setLong(p++, now);
                statement.setLong(p++, now);
                statement.setLong(p++, now);
            }
            // RETURNING gives the rows in no promised order: match them by plugin
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids[pluginIds.subList(from, from + rows).indexOf(rs.getString(2)) + from] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    private PreparedStatement insertRows(int rows) throws SQLException {
        if (insertRows[rows] == null) {
            StringBuilder sql = new StringBuilder("INSERT INTO deliveries (plugin_id, event_seq, ticket_id, state,"
                    + " attempts, attempt_base, next_attempt_at, replay, created_at, updated_at) VALUES ");
            for (int i = 0; i < rows; i++) {
                sql.append(i == 0 ? "" : ", ").append(INSERT_ROW);
            }
            insertRows[rows] = connection.prepareStatement(sql.append(" RETURNING id, plugin_id").toString());
        }
        return insertRows[rows];
    }

    /**
     * Notes a success, to be written with the batch's others by {@link #flushSucceeded}.
     *
     * @param attempts attempts made, this one included
     */
    void succeeded(long id, int attempts) {
        successes.append(successes.length() == 0 ? "[" : ",").append('[').append(id).append(',').append(attempts)
                .append(']');
    }

    /** Writes the successes noted since the last flush, in one statement. */
    void flushSucceeded(long now) throws SQLException {
        if (successes.length() == 0) {
            return;
        }
        succeeded.setLong(1, now);
        succeeded.setString(2, successes.append(']').toString());
        successes.setLength(0);
        succeeded.executeUpdate();
    }

    /** Forgets noted successes (their transaction rolled back). */
    void forgetSucceeded() {
        successes.setLength(0);
    }

    /**
     * Records an attempt's result.
     *
     * @param nextAttemptAt the next attempt's time, or {@code null} to leave it
     */
    void update(long id, DeliveryState state, int attempts, Long nextAttemptAt, String error, long now)
            throws SQLException {
        update.setString(1, state.wireName());
        update.setInt(2, attempts);
        if (nextAttemptAt == null) {
            update.setNull(3, Types.INTEGER);
        } else {
            update.setLong(3, nextAttemptAt);
        }
        update.setString(4, error);
        update.setLong(5, now);
        update.setLong(6, id);
        update.executeUpdate();
    }

    /** The row of a delivery, or {@code null}. */
    Row row(long id) throws SQLException {
        row.setLong(1, id);
        try (ResultSet rs = row.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            return new Row(id, rs.getString(1), rs.getLong(2), rs.getString(3), DeliveryState.fromWire(rs.getString(4)),
                    rs.getInt(5), rs.getInt(6), rs.getLong(7));
        }
    }

    void markRetried(long id, long retriedBy, long now) throws SQLException {
        markRetried.setLong(1, retriedBy);
        markRetried.setLong(2, now);
        markRetried.setLong(3, id);
        markRetried.executeUpdate();
    }

    /** The oldest dead letters of a plugin not retried yet. */
    List<Long> deadLetters(String pluginId, int limit) throws SQLException {
        deadLetters.setString(1, pluginId);
        deadLetters.setInt(2, limit);
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = deadLetters.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    Prior prior(long eventSeq, String pluginId) throws SQLException {
        priorAttempts.setLong(1, eventSeq);
        priorAttempts.setString(2, pluginId);
        try (ResultSet rs = priorAttempts.executeQuery()) {
            rs.next();
            return new Prior(rs.getInt(1), rs.getInt(2));
        }
    }

    @Override
    public void close() throws SQLException {
        try (insert; update; row; markRetried; deadLetters; priorAttempts; succeeded) {
            for (PreparedStatement rows : insertRows) {
                if (rows != null) {
                    rows.close();
                }
            }
        }
    }
}
