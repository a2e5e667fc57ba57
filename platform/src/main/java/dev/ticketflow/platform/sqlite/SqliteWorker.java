package dev.ticketflow.platform.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sqlite.SQLiteConfig;

/**
 * A SQLite connection for what is not the event log: timers and retention in the event log's
 * {@code ticketflow.db} (a second connection beside the log's own writer, which WAL allows), the
 * ticket timeline in {@code timeline.db}. One dedicated worker thread owns the connection, so
 * JDBC never runs on an event loop and the work is done in submission order (a read sees every
 * write submitted before it).
 *
 * <p>{@code synchronous=NORMAL}: in WAL mode a commit then survives a crash of the process, only
 * not of the machine, and it does not wait for an fsync. That keeps this connection's hold on a
 * database's single write lock short, so that in {@code ticketflow.db} the event log's group
 * commit seldom waits for it; and the log's next commit syncs the WAL, these frames with it.
 */
public final class SqliteWorker {

    /** Work on the connection; runs on the worker thread. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final WorkerExecutor executor;
    private final String begin;
    private Connection connection;
    private boolean closed;

    private SqliteWorker(WorkerExecutor executor, String begin) {
        this.executor = executor;
        this.begin = begin;
    }

    /**
     * Opens a connection to a database that another component owns and migrates (the event
     * log's). Write transactions take the write lock at once ({@code BEGIN IMMEDIATE}), since
     * another connection writes too.
     *
     * @param vertx Vert.x, for the worker thread
     * @param file the database file
     * @return the worker, once connected
     */
    public static Future<SqliteWorker> open(Vertx vertx, Path file) {
        return open(vertx, file, "BEGIN IMMEDIATE", connection -> null);
    }

    /**
     * Opens a connection and prepares it (migrations, attached databases) on the worker thread.
     *
     * @param begin how write transactions begin: {@code BEGIN IMMEDIATE} where other connections
     *     write the same file, {@code BEGIN} where this one is the only writer (then only the
     *     files actually written are locked, not attached ones that are merely read)
     * @param setup runs once on the new connection
     * @return the worker, once connected and prepared
     */
    public static Future<SqliteWorker> open(Vertx vertx, Path file, String begin, Work<Void> setup) {
        // one thread: a SQLite connection does one thing at a time, and order is what callers rely on
        WorkerExecutor executor = vertx.createSharedWorkerExecutor(
                "ticketflow-sqlite-" + file.getFileName() + "-" + INSTANCES.incrementAndGet(), 1, 5, TimeUnit.MINUTES);
        SqliteWorker worker = new SqliteWorker(executor, begin);
        return worker.run(none -> {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new SQLException("cannot create the folder of " + file + ": " + e.getMessage(), e);
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout(10_000);
            Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try {
                setup.run(connection);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            worker.connection = connection;
            return worker;
        }, false).onFailure(failed -> executor.close());
    }

    /**
     * Runs work on the connection, after everything submitted before.
     *
     * @param work the work; it manages transactions itself (see {@link #inTransaction})
     * @return its result, on the caller's context
     */
    public <T> Future<T> run(Work<T> work) {
        return run(work, true);
    }

    /**
     * Runs work in one write transaction, rolled back when it throws.
     *
     * @param work the work
     * @return its result once committed
     */
    public <T> Future<T> write(Work<T> work) {
        return run(connection -> inTransaction(connection, work));
    }

    /**
     * Runs work in a write transaction on the connection that {@link #run} handed out (for work
     * that commits in chunks).
     */
    public <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        try (Statement control = connection.createStatement()) {
            control.executeUpdate(begin);
            try {
                T result = work.run(connection);
                control.executeUpdate("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    control.executeUpdate("ROLLBACK");
                } catch (SQLException alreadyRolledBack) {
                    e.addSuppressed(alreadyRolledBack);
                }
                throw e;
            }
        }
    }

    /**
     * Closes the connection after the work submitted before, and the worker thread.
     *
     * @return completes when closed
     */
    public Future<Void> close() {
        return this.<Void>run(connection -> {
            closed = true;
            connection.close();
            return null;
        }).eventually(executor::close);
    }

    private <T> Future<T> run(Work<T> work, boolean needsConnection) {
        // unordered: the single thread takes tasks first come, first served across all callers
        try {
            return executor.executeBlocking(() -> {
                if (needsConnection && (closed || connection == null)) {
                    throw new SQLException("the platform database connection is closed");
                }
                return work.run(connection);
            }, false);
        } catch (RejectedExecutionException e) {
            return Future.failedFuture(new SQLException("the platform database connection is closed", e));
        }
    }
}
