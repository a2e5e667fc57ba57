package dev.ticketflow.platform.eventlog;

import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.dispatch.Delivery;
import dev.ticketflow.platform.dispatch.DeliveryPage;
import dev.ticketflow.platform.dispatch.DeliveryQuery;
import dev.ticketflow.platform.dispatch.DeliveryState;
import dev.ticketflow.platform.dispatch.DueDelivery;
import dev.ticketflow.platform.dispatch.OpenDeliveries;
import dev.ticketflow.platform.json.EventJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The queries that read deliveries, on any connection: a reader's for the dispatcher and the
 * admin API, the writer's inside its transaction.
 */
final class SqliteDeliveryReads {

    private static final String COLUMNS = "d.id, d.plugin_id, e.id, e.type, d.event_seq, d.ticket_id, d.state,"
            + " d.attempts, d.attempt_base, d.next_attempt_at, d.last_error, d.replay, d.retried_by, d.created_at,"
            + " d.updated_at FROM deliveries d JOIN events e ON e.seq = d.event_seq";
    private static final String FIND = "SELECT " + COLUMNS + " WHERE d.id = ?";
    private static final String OPEN = "SELECT d.id, d.attempts, d.attempt_base, d.next_attempt_at, d.replay, e.body"
            + " FROM deliveries d JOIN events e ON e.seq = d.event_seq"
            + " WHERE d.plugin_id = ? AND d.state IN ('pending', 'retrying') AND d.id > ? ORDER BY d.id LIMIT ?";
    private static final String HIGHEST_ID = "SELECT coalesce(max(id), 0) FROM deliveries";

    private SqliteDeliveryReads() {}

    /**
     * Reads a page of a plugin's open deliveries and the highest delivery id, in one snapshot.
     *
     * @param connection a connection outside any transaction
     */
    static OpenDeliveries open(Connection connection, String pluginId, long afterId, int limit)
            throws SQLException {
        try (Statement control = connection.createStatement()) {
            // one read transaction: the highest id and the page come from the same snapshot
            control.executeUpdate("BEGIN");
            try {
                long through;
                try (ResultSet rs = control.executeQuery(HIGHEST_ID)) {
                    through = rs.next() ? rs.getLong(1) : 0;
                }
                List<DueDelivery> page = new ArrayList<>();
                try (PreparedStatement open = connection.prepareStatement(OPEN)) {
                    open.setString(1, pluginId);
                    open.setLong(2, afterId);
                    open.setInt(3, limit);
                    try (ResultSet rs = open.executeQuery()) {
                        while (rs.next()) {
                            page.add(new DueDelivery(rs.getLong(1), pluginId, event(rs.getString(6)), rs.getInt(2),
                                    rs.getInt(3), rs.getLong(4), rs.getInt(5) != 0));
                        }
                    }
                }
                return new OpenDeliveries(page, page.size() < limit, through);
            } finally {
                control.executeUpdate("COMMIT");
            }
        }
    }

    static Optional<Delivery> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setLong(1, id);
            try (ResultSet rs = find.executeQuery()) {
                return rs.next() ? Optional.of(delivery(rs)) : Optional.empty();
            }
        }
    }

    static DeliveryPage list(Connection connection, DeliveryQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        DeliveryState state = query.deadLettersOnly() ? DeliveryState.DEAD : query.state();
        if (state != null) {
            sql.append(" AND d.state = ?");
            params.add(state.wireName());
        }
        if (query.deadLettersOnly()) {
            sql.append(" AND d.retried_by IS NULL");
        }
        if (query.pluginId() != null) {
            sql.append(" AND d.plugin_id = ?");
            params.add(query.pluginId());
        }
        if (query.ticketId() != null) {
            sql.append(" AND d.ticket_id = ?");
            params.add(query.ticketId());
        }
        if (query.eventId() != null) {
            sql.append(" AND d.event_seq = (SELECT seq FROM events WHERE id = ?)");
            params.add(query.eventId());
        }
        if (query.before() != null) {
            sql.append(" AND d.id < ?");
            params.add(query.before());
        }
        // one more than asked tells whether another page follows
        sql.append(" ORDER BY d.id DESC LIMIT ?");
        params.add(query.limit() + 1);
        List<Delivery> found = new ArrayList<>();
        try (PreparedStatement list = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                list.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = list.executeQuery()) {
                while (rs.next()) {
                    found.add(delivery(rs));
                }
            }
        }
        if (found.size() > query.limit()) {
            List<Delivery> page = found.subList(0, query.limit());
            return new DeliveryPage(page, page.get(page.size() - 1).id());
        }
        return new DeliveryPage(found, null);
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        long retriedBy = rs.getLong(13);
        Long retried = rs.wasNull() ? null : retriedBy;
        return new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), DeliveryState.fromWire(rs.getString(7)), rs.getInt(8), rs.getInt(9),
                Instant.ofEpochMilli(rs.getLong(10)), rs.getString(11), rs.getInt(12) != 0, retried,
                Instant.ofEpochMilli(rs.getLong(14)), Instant.ofEpochMilli(rs.getLong(15)));
    }

    private static TicketEvent event(String body) throws SQLException {
        try {
            return EventJson.fromBytes(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SQLException("a stored event cannot be read back: " + e.getMessage(), e);
        }
    }
}
