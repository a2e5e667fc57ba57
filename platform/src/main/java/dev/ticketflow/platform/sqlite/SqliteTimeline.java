package dev.ticketflow.platform.sqlite;

import dev.ticketflow.platform.timeline.Timeline;
import dev.ticketflow.platform.timeline.TimelineEntry;
import dev.ticketflow.platform.timeline.TimelinePage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import dev.ticketflow.platform.eventlog.SqliteMigrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timeline in {@code <dataDir>/timeline.db}, a SQLite file of its own: the timeline takes
 * several rows per event (the event, a delivery per plugin, the plugins' actions), and beside the
 * event log in {@code ticketflow.db} those writes would compete with the log's group commit for
 * the file's single write lock and stall intake. Entries wait in memory for up to
 * {@value #LINGER_MS} ms and are then written together, in transactions of at most
 * {@value #CHUNK} rows, on the timeline's own worker thread, never an event loop.
 *
 * <p>An entry naming no source (a delivery outcome) takes its event's: from the events recently
 * recorded as accepted or fired by a timer, else from the event log, whose file is attached
 * read-only as {@code log}.
 */
public final class SqliteTimeline implements Timeline {

    static final long LINGER_MS = 50;
    static final int CHUNK = 500;
    static final int MAX_PENDING = 200_000;
    /** Sources of this many recent events are remembered, so that their deliveries need no lookup. */
    static final int RECENT_SOURCES = 10_000;
    private static final int PRUNE_CHUNK = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(SqliteTimeline.class);

    /** The timeline's own database file in the data folder. */
    public static final String FILE_NAME = "timeline.db";

    private static final String MIGRATIONS = "/db/migration/sqlite-timeline/";
    private static final List<String> SCRIPTS = List.of("V1__timeline.sql");

    // an entry that names no source takes its event's, when the event log has the event
    private static final String INSERT = "INSERT INTO timeline"
            + " (at, source, ticket_id, kind, plugin_id, event_id, outcome, summary, error, detail)"
            + " VALUES (?, COALESCE(?, (SELECT source FROM log.events WHERE id = ?), ''), ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT seq, at, source, ticket_id, kind, plugin_id, event_id, outcome,"
            + " summary, error, detail FROM timeline"
            + " WHERE ticket_id = ? AND (? IS NULL OR source = ? OR source = '') AND seq > ?"
            + " ORDER BY seq LIMIT ?";
    private static final String PRUNE = "DELETE FROM timeline WHERE seq IN"
            + " (SELECT seq FROM timeline WHERE at < ? LIMIT " + PRUNE_CHUNK + ")";

    private final Vertx vertx;
    private final SqliteWorker worker;
    private final Queue<TimelineEntry> buffer = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final Map<String, String> recentSources = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > RECENT_SOURCES;
        }
    };
    private volatile boolean closed;

    private SqliteTimeline(Vertx vertx, SqliteWorker worker) {
        this.vertx = vertx;
        this.worker = worker;
    }

    /** A timeline on a worker whose connection already has the tables and {@code log} attached (measurements). */
    static SqliteTimeline onWorker(Vertx vertx, SqliteWorker worker) {
        return new SqliteTimeline(vertx, worker);
    }

    /**
     * Opens (creating and migrating when needed) the timeline database in the data folder.
     *
     * @param dataDir the data folder
     * @param eventLogFile the event log's database, attached read-only for events' sources
     * @return the timeline, once open
     */
    public static Future<SqliteTimeline> open(Vertx vertx, Path dataDir, Path eventLogFile) {
        // BEGIN (deferred): this is the only writer of timeline.db, and the attached event log is
        // only read, so it must not be write-locked by these transactions
        return SqliteWorker.open(vertx, dataDir.resolve(FILE_NAME), "BEGIN", connection -> {
            SqliteMigrations.migrate(connection, MIGRATIONS, SCRIPTS);
            try (PreparedStatement attach = connection.prepareStatement("ATTACH DATABASE ? AS log")) {
                attach.setString(1, "file:" + eventLogFile.toAbsolutePath() + "?mode=ro");
                attach.execute();
            }
            return null;
        }).map(worker -> new SqliteTimeline(vertx, worker));
    }

    @Override
    public void record(TimelineEntry entry) {
        if (closed || pending.incrementAndGet() > MAX_PENDING) {
            if (!closed) {
                pending.decrementAndGet();
            }
            if (dropped.getAndIncrement() % 10_000 == 0) {
                LOG.warn("Timeline entry for ticket {} dropped: {}", entry.ticketId(), closed
                        ? "the timeline is closed" : MAX_PENDING + " entries are waiting for the disk");
            }
            return;
        }
        buffer.add(withKnownSource(entry));
        if (flushScheduled.compareAndSet(false, true)) {
            // after close() the last flush already took everything
            vertx.setTimer(LINGER_MS, timer -> {
                if (!closed) {
                    flush();
                }
            });
        }
    }

    private TimelineEntry withKnownSource(TimelineEntry entry) {
        if (entry.eventId() == null) {
            return entry;
        }
        synchronized (recentSources) {
            if (entry.source() != null) {
                if (TimelineEntry.EVENT_ACCEPTED.equals(entry.kind()) || "timer.fire".equals(entry.kind())) {
                    recentSources.put(entry.eventId(), entry.source());
                }
                return entry;
            }
            String source = recentSources.get(entry.eventId());
            return source == null ? entry : new TimelineEntry(entry.seq(), entry.at(), source, entry.ticketId(),
                    entry.kind(), entry.pluginId(), entry.eventId(), entry.outcome(), entry.summary(), entry.error(),
                    entry.detail());
        }
    }

    @Override
    public Future<TimelinePage> read(String source, String ticketId, long after, int limit) {
        // what was recorded before this call is written first, so the page includes it
        return flush().compose(written -> worker.run(connection -> select(connection, source, ticketId, after, limit)));
    }

    @Override
    public Future<Long> pruneBefore(Instant cutoff) {
        return flush().compose(written -> worker.run(connection -> {
            long deleted = 0;
            int chunk;
            do {
                // chunks keep each hold on the write lock short
                chunk = worker.inTransaction(connection, c -> {
                    try (PreparedStatement delete = c.prepareStatement(PRUNE)) {
                        delete.setLong(1, cutoff.toEpochMilli());
                        return delete.executeUpdate();
                    }
                });
                deleted += chunk;
            } while (chunk == PRUNE_CHUNK);
            return deleted;
        }));
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public Future<Void> close() {
        closed = true;
        return flush().compose(written -> worker.close());
    }

    private Future<Long> flush() {
        flushScheduled.set(false);
        return worker.run(this::writeBuffered).recover(failure -> {
            LOG.error("Writing the timeline failed", failure);
            return Future.succeededFuture(0L);
        });
    }

    private long writeBuffered(Connection connection) {
        long written = 0;
        while (true) {
            List<TimelineEntry> chunk = new ArrayList<>(CHUNK);
            TimelineEntry next;
            while (chunk.size() < CHUNK && (next = buffer.poll()) != null) {
                chunk.add(next);
            }
            if (chunk.isEmpty()) {
                return written;
            }
            try {
                worker.inTransaction(connection, c -> insert(c, chunk));
                written += chunk.size();
            } catch (SQLException | RuntimeException e) {
                dropped.addAndGet(chunk.size());
                LOG.error("{} timeline entries could not be written and are lost", chunk.size(), e);
            } finally {
                pending.addAndGet(-chunk.size());
            }
        }
    }

    private static int insert(Connection connection, List<TimelineEntry> entries) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (TimelineEntry entry : entries) {
                insert.setLong(1, entry.at().toEpochMilli());
                insert.setString(2, entry.source());
                insert.setString(3, entry.eventId());
                insert.setString(4, entry.ticketId());
                insert.setString(5, entry.kind());
                insert.setString(6, entry.pluginId());
                insert.setString(7, entry.eventId());
                insert.setString(8, entry.outcome());
                insert.setString(9, entry.summary());
                insert.setString(10, entry.error());
                if (entry.detail() == null || entry.detail().isEmpty()) {
                    insert.setNull(11, Types.VARCHAR);
                } else {
                    insert.setString(11, entry.detail().encode());
                }
                insert.executeUpdate();
            }
            return entries.size();
        }
    }

    private static TimelinePage select(Connection connection, String source, String ticketId, long after, int limit)
            throws SQLException {
        List<TimelineEntry> entries = new ArrayList<>();
        boolean more = false;
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, ticketId);
            select.setString(2, source);
            select.setString(3, source);
            select.setLong(4, after);
            // one more than asked tells whether another page follows
            select.setInt(5, limit + 1);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    if (entries.size() == limit) {
                        more = true;
                        break;
                    }
                    entries.add(entry(row));
                }
            }
        }
        Long next = more ? entries.get(entries.size() - 1).seq() : null;
        return new TimelinePage(entries, next);
    }

    private static TimelineEntry entry(ResultSet row) throws SQLException {
        String detail = row.getString(11);
        return new TimelineEntry(row.getLong(1), Instant.ofEpochMilli(row.getLong(2)), row.getString(3),
                row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                row.getString(9), row.getString(10), detail == null ? null : new JsonObject(detail));
    }
}
