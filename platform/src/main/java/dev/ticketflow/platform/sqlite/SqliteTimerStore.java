package dev.ticketflow.platform.sqlite;

import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.json.EventJson;
import dev.ticketflow.platform.timer.StoredTimer;
import dev.ticketflow.platform.timer.TimerStore;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Timers in the {@code timers} table of the platform database. */
public final class SqliteTimerStore implements TimerStore {

    private static final String COLUMNS = "plugin_id, timer_key, due_at, event, scheduled_at";
    private static final String UPSERT = "INSERT INTO timers"
            + " (plugin_id, timer_key, due_at, event_id, source, ticket_id, event, scheduled_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plugin_id, timer_key) DO UPDATE SET"
            + " due_at = excluded.due_at, event_id = excluded.event_id, source = excluded.source,"
            + " ticket_id = excluded.ticket_id, event = excluded.event, scheduled_at = excluded.scheduled_at";
    private static final String DELETE_RETURNING = "DELETE FROM timers WHERE plugin_id = ? AND timer_key = ?"
            + " RETURNING " + COLUMNS;
    private static final String DELETE_FIRED =
            "DELETE FROM timers WHERE plugin_id = ? AND timer_key = ? AND event_id = ? AND scheduled_at = ?";

    private final SqliteWorker worker;

    public SqliteTimerStore(SqliteWorker worker) {
        this.worker = worker;
    }

    @Override
    public Future<Void> put(StoredTimer timer) {
        String json;
        try {
            json = EventJson.toString(timer.event());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        TicketEvent event = timer.event();
        return worker.write(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setString(1, timer.pluginId());
                upsert.setString(2, timer.key());
                upsert.setLong(3, timer.dueAt().toEpochMilli());
                upsert.setString(4, event.id());
                upsert.setString(5, event.source() == null ? "" : event.source());
                upsert.setString(6, event.ticketId());
                upsert.setString(7, json);
                upsert.setLong(8, timer.scheduledAt().toEpochMilli());
                upsert.executeUpdate();
                return null;
            }
        });
    }

    @Override
    public Future<StoredTimer> remove(String pluginId, String key) {
        return worker.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_RETURNING)) {
                delete.setString(1, pluginId);
                delete.setString(2, key);
                try (ResultSet row = delete.executeQuery()) {
                    return row.next() ? timer(row) : null;
                }
            }
        });
    }

    @Override
    public Future<List<StoredTimer>> due(Instant now, Collection<String> pluginIds, int limit) {
        if (pluginIds.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        List<String> plugins = List.copyOf(pluginIds);
        String sql = "SELECT " + COLUMNS + " FROM timers WHERE due_at <= ? AND plugin_id IN ("
                + placeholders(plugins.size()) + ") ORDER BY due_at, plugin_id, timer_key LIMIT ?";
        return worker.run(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setLong(1, now.toEpochMilli());
                for (int i = 0; i < plugins.size(); i++) {
                    select.setString(2 + i, plugins.get(i));
                }
                select.setInt(2 + plugins.size(), limit);
                List<StoredTimer> timers = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        timers.add(timer(row));
                    }
                }
                return timers;
            }
        });
    }

    @Override
    public Future<Instant> nextDue(Collection<String> pluginIds) {
        if (pluginIds.isEmpty()) {
            return Future.succeededFuture(null);
        }
        List<String> plugins = List.copyOf(pluginIds);
        String sql = "SELECT MIN(due_at) FROM timers WHERE plugin_id IN (" + placeholders(plugins.size()) + ")";
        return worker.run(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < plugins.size(); i++) {
                    select.setString(1 + i, plugins.get(i));
                }
                try (ResultSet row = select.executeQuery()) {
                    long due = row.next() ? row.getLong(1) : 0;
                    return due == 0 && row.wasNull() ? null : Instant.ofEpochMilli(due);
                }
            }
        });
    }

    @Override
    public Future<Boolean> removeFired(StoredTimer timer) {
        return worker.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_FIRED)) {
                delete.setString(1, timer.pluginId());
                delete.setString(2, timer.key());
                delete.setString(3, timer.event().id());
                delete.setLong(4, timer.scheduledAt().toEpochMilli());
                return delete.executeUpdate() == 1;
            }
        });
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static StoredTimer timer(ResultSet row) throws SQLException {
        TicketEvent event;
        try {
            event = EventJson.fromBytes(row.getString(4).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SQLException("timer '" + row.getString(2) + "' of plugin '" + row.getString(1)
                    + "' holds an event that cannot be read: " + e.getMessage(), e);
        }
        return new StoredTimer(row.getString(1), row.getString(2), Instant.ofEpochMilli(row.getLong(3)), event,
                Instant.ofEpochMilli(row.getLong(5)));
    }
}
