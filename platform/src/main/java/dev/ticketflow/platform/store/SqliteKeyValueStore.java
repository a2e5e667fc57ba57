package dev.ticketflow.platform.store;

import dev.ticketflow.api.port.KeyValueStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.sqlite.SQLiteDataSource;

/**
 * One plugin's key/value store: a small SQLite file in the data folder (an operator can open it
 * with the {@code sqlite3} shell). JDBC blocks, so every call runs through
 * {@code executeBlocking}, in call order per calling context; the connection is opened on first
 * use, so plugins that never store anything cost nothing.
 */
public final class SqliteKeyValueStore implements KeyValueStore {

    private final Vertx vertx;
    private final Path file;
    private Connection connection;
    private boolean closed;

    public SqliteKeyValueStore(Vertx vertx, Path file) {
        this.vertx = vertx;
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public Future<String> get(String key) {
        return run(key, () -> {
            try (PreparedStatement select = connection().prepareStatement("SELECT value FROM kv WHERE key = ?")) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
    }

    @Override
    public Future<Void> put(String key, String value) {
        return run(key, () -> {
            Objects.requireNonNull(value, "value");
            try (PreparedStatement upsert = connection().prepareStatement(
                    "INSERT INTO kv(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                upsert.setString(1, key);
                upsert.setString(2, value);
                upsert.executeUpdate();
                return null;
            }
        });
    }

    @Override
    public Future<Boolean> putIfAbsent(String key, String value) {
        return run(key, () -> {
            Objects.requireNonNull(value, "value");
            try (PreparedStatement insert = connection().prepareStatement(
                    "INSERT INTO kv(key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING")) {
                insert.setString(1, key);
                insert.setString(2, value);
                return insert.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Future<Boolean> delete(String key) {
        return run(key, () -> {
            try (PreparedStatement delete = connection().prepareStatement("DELETE FROM kv WHERE key = ?")) {
                delete.setString(1, key);
                return delete.executeUpdate() == 1;
            }
        });
    }

    /**
     * Closes the connection; later calls fail.
     *
     * @return completes when closed
     */
    public Future<Void> close() {
        return vertx.executeBlocking(() -> {
            synchronized (this) {
                closed = true;
                if (connection != null) {
                    connection.close();
                    connection = null;
                }
            }
            return null;
        });
    }

    private <T> Future<T> run(String key, Callable<T> work) {
        if (key == null) {
            return Future.failedFuture(new IllegalArgumentException("store keys must not be null"));
        }
        return vertx.executeBlocking(() -> {
            synchronized (this) {
                return work.call();
            }
        });
    }

    private Connection connection() throws SQLException, IOException {
        if (closed) {
            throw new IllegalStateException("the store " + file.getFileName() + " is closed: its plugin was stopped");
        }
        if (connection == null) {
            Files.createDirectories(file.getParent());
            // the driver class directly: DriverManager's caller/TCCL lookup is fragile under plugin class loaders
            SQLiteDataSource source = new SQLiteDataSource();
            source.setUrl("jdbc:sqlite:" + file);
            Connection opened = source.getConnection();
            try (Statement setup = opened.createStatement()) {
                setup.execute("PRAGMA journal_mode=WAL");
                setup.execute("PRAGMA busy_timeout=5000");
                setup.execute("CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            } catch (SQLException e) {
                opened.close();
                throw e;
            }
            connection = opened;
        }
        return connection;
    }
}
