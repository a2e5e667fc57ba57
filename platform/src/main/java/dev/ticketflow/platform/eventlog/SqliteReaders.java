package dev.ticketflow.platform.eventlog;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.sqlite.SQLiteConfig;

/**
 * A few read-only connections beside the writer. In WAL mode they read a consistent snapshot
 * while the writer commits, so the admin API and the dispatcher's reads never wait for (or hold
 * up) the group commit. Reads run in {@code executeBlocking}, never on an event loop.
 */
final class SqliteReaders {

    /** Connections; reads beyond this many at once wait for one to be free (on a worker thread). */
    static final int SIZE = 2;

    private final Vertx vertx;
    private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(SIZE);
    private final List<Connection> all = new ArrayList<>();
    private volatile boolean closed;

    /** A read on one connection. */
    @FunctionalInterface
    interface Read<T> {
        T apply(Connection connection) throws SQLException;
    }

    private SqliteReaders(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Opens the connections; the writer must have created and migrated the database before.
     *
     * @param file the database file
     * @return the readers, once open
     */
    static Future<SqliteReaders> open(Vertx vertx, Path file) {
        SqliteReaders readers = new SqliteReaders(vertx);
        return vertx.executeBlocking(() -> {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(5_000);
            config.setCacheSize(-8_000);
            try {
                for (int i = 0; i < SIZE; i++) {
                    Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
                    readers.all.add(connection);
                    readers.idle.add(connection);
                }
            } catch (SQLException e) {
                readers.closeAll();
                throw e;
            }
            return readers;
        }, false);
    }

    /**
     * Runs a read on a free connection, on a worker thread.
     *
     * @param read the read
     * @return its result, on the caller's context
     */
    <T> Future<T> read(Read<T> read) {
        return vertx.executeBlocking(() -> {
            if (closed) {
                throw new EventLogUnavailableException("the event log is closed");
            }
            Connection connection = idle.take();
            try {
                return read.apply(connection);
            } finally {
                idle.add(connection);
            }
        }, false);
    }

    /** Closes the connections (a read still running finishes on its own). */
    Future<Void> close() {
        closed = true;
        return vertx.executeBlocking(() -> {
            closeAll();
            return null;
        }, false);
    }

    private void closeAll() {
        for (Connection connection : all) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a read-only connection loses nothing
            }
        }
    }
}
