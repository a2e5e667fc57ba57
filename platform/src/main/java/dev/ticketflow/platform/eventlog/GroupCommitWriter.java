package dev.ticketflow.platform.eventlog;

import dev.ticketflow.api.Accepted;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one dedicated thread owns the database connection, takes every append that is
 * waiting, writes them all in one transaction and completes their futures after COMMIT. While
 * one fsync runs, the next batch gathers in the queue, so the cost of a commit is shared by as
 * many appends as arrive meanwhile. Callers never block: {@link #submit} only enqueues, and
 * answers come back on each caller's own Vert.x context.
 */
final class GroupCommitWriter implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    /** Upper bound of appends per transaction, so one commit never waits on an endless batch. */
    static final int MAX_BATCH = 2_048;
    /** Appends waiting beyond this are refused at once instead of piling up in memory. */
    static final int MAX_PENDING = 50_000;

    /** Queued by {@link #close}; the writer stops when it takes it. */
    private static final PendingAppend CLOSE =
            new PendingAppend(null, null, null, null, 0, 0, null, null, null, null);

    private final Path file;
    private final BlockingQueue<PendingAppend> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong commits = new AtomicLong();
    // appends share the read side; close takes the write side, so that no append can slip in
    // behind the CLOSE marker and wait forever
    private final ReadWriteLock gate = new ReentrantReadWriteLock();
    private final Promise<Void> opened = Promise.promise();
    private final Promise<Void> closed = Promise.promise();
    private Context openerContext;
    private Context closerContext;
    private boolean closing;
    private SqliteEventStore store;

    GroupCommitWriter(Path file) {
        this.file = file;
    }

    /**
     * Starts the writer thread, which opens and migrates the database first.
     *
     * @param context where to complete the answer
     * @return completes once the database is open
     */
    Future<Void> start(Context context) {
        this.openerContext = context;
        Thread thread = new Thread(this, "ticketflow-eventlog-writer");
        // an unanswered append is not acknowledged, so nothing is lost by not waiting for it
        thread.setDaemon(true);
        thread.start();
        return opened.future();
    }

    /**
     * Hands an append to the writer.
     *
     * @param append the append; its promise is completed on its context
     */
    void submit(PendingAppend append) {
        gate.readLock().lock();
        try {
            if (closing) {
                append.promise().fail(new EventLogUnavailableException("the event log is closed"));
                return;
            }
            if (pending.incrementAndGet() > MAX_PENDING) {
                pending.decrementAndGet();
                append.promise().fail(new EventLogUnavailableException("the event log has "
                        + MAX_PENDING + " appends waiting for the disk; retry shortly"));
                return;
            }
            queue.add(append);
        } finally {
            gate.readLock().unlock();
        }
    }

    /**
     * Refuses new appends, lets the writer commit every append queued before, then closes the
     * database.
     *
     * @param context where to complete the answer
     * @return completes when the database is closed
     */
    Future<Void> close(Context context) {
        gate.writeLock().lock();
        try {
            if (!closing) {
                closing = true;
                closerContext = context;
                queue.add(CLOSE);
            }
            return closed.future();
        } finally {
            gate.writeLock().unlock();
        }
    }

    /** Transactions committed so far; with group commit, fewer than appends. */
    long commits() {
        return commits.get();
    }

    @Override
    public void run() {
        try {
            store = SqliteEventStore.open(file);
        } catch (Exception e) {
            openerContext.runOnContext(v -> opened.fail(new EventLogUnavailableException(
                    "cannot open the event log " + file + ": " + e.getMessage(), e)));
            return;
        }
        openerContext.runOnContext(v -> opened.complete());
        List<PendingAppend> batch = new ArrayList<>(MAX_BATCH);
        boolean running = true;
        while (running) {
            batch.clear();
            batch.add(takeNext());
            queue.drainTo(batch, MAX_BATCH - 1);
            // nothing is queued after CLOSE, so it can only be the last one taken
            if (batch.get(batch.size() - 1) == CLOSE) {
                batch.remove(batch.size() - 1);
                running = false;
            }
            if (!batch.isEmpty()) {
                writeBatch(batch);
                pending.addAndGet(-batch.size());
            }
        }
        closeStore();
    }

    private PendingAppend takeNext() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // only close() may stop the writer: queued appends must still get an answer
                LOG.debug("event log writer interrupted; it stops on close()");
            }
        }
    }

    private void writeBatch(List<PendingAppend> batch) {
        List<Accepted> results = new ArrayList<>(batch.size());
        try {
            store.begin();
            for (PendingAppend append : batch) {
                results.add(store.write(append));
            }
            store.commit();
            commits.incrementAndGet();
        } catch (Exception e) {
            store.rollbackQuietly();
            if (batch.size() > 1) {
                // one bad append must not fail its neighbours: write each alone to find it
                for (PendingAppend append : batch) {
                    writeBatch(List.of(append));
                }
            } else {
                LOG.error("event log append of {} failed", batch.get(0).eventId(), e);
                fail(batch.get(0), new EventLogUnavailableException(
                        "the event log could not store the event: " + e.getMessage(), e));
            }
            return;
        }
        completeAll(batch, results);
    }

    /** Completes the futures, one task per caller context rather than one per append. */
    private static void completeAll(List<PendingAppend> batch, List<Accepted> results) {
        Map<Context, List<Runnable>> byContext = new IdentityHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            PendingAppend append = batch.get(i);
            Accepted result = results.get(i);
            byContext.computeIfAbsent(append.context(), c -> new ArrayList<>())
                    .add(() -> append.promise().complete(result));
        }
        byContext.forEach((context, completions) ->
                context.runOnContext(v -> completions.forEach(Runnable::run)));
    }

    private static void fail(PendingAppend append, Throwable cause) {
        append.context().runOnContext(v -> append.promise().fail(cause));
    }

    private void closeStore() {
        try {
            store.close();
            closerContext.runOnContext(v -> closed.complete());
        } catch (Exception e) {
            closerContext.runOnContext(v -> closed.fail(e));
        }
    }
}
