package dev.ticketflow.platform.eventlog;

import java.util.function.Consumer;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.PlatformException;
import dev.ticketflow.platform.dispatch.DeliveryListener;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
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
 * Group commit: one dedicated thread owns the database connection, takes every write that is
 * waiting (event appends with their deliveries, delivery outcomes, replays), runs them all in
 * one transaction and completes their futures after COMMIT. While one fsync runs, the next batch
 * gathers in the queue, so the cost of a commit is shared by as many writes as arrive meanwhile.
 * Callers never block: {@link #submit} only enqueues, and answers come back on each caller's own
 * Vert.x context.
 *
 * <p>After each COMMIT, and before answering, the {@link DeliveryListener} hears of the
 * deliveries the batch recorded; being called from this one thread, it hears of them in commit
 * order.
 */
final class GroupCommitWriter implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    /** Upper bound of writes per transaction, so one commit never waits on an endless batch. */
    static final int MAX_BATCH = 2_048;
    /** Appends waiting beyond this are refused at once instead of piling up in memory. */
    static final int MAX_PENDING = 50_000;

    /** Queued by {@link #close}; the writer stops when it takes it. */
    private static final WriteTask<Void> CLOSE = new WriteTask<>("close", session -> null, false, false, null, null);

    private final Path file;
    private final Clock clock;
    private final BlockingQueue<WriteTask<?>> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong commits = new AtomicLong();
    // writes share the read side; close takes the write side, so that no write can slip in
    // behind the CLOSE marker and wait forever
    private final ReadWriteLock gate = new ReentrantReadWriteLock();
    private final Promise<Void> opened = Promise.promise();
    private final Promise<Void> closed = Promise.promise();
    private volatile DeliveryListener listener;
    private volatile Consumer<TicketEvent> acceptedHook = event -> { };
    private Context openerContext;
    private Context closerContext;
    private boolean closing;
    private SqliteEventStore store;
    private WriteSession session;

    GroupCommitWriter(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
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
        // an unanswered write is not acknowledged, so nothing is lost by not waiting for it
        thread.setDaemon(true);
        thread.start();
        return opened.future();
    }

    /** Who hears of each newly accepted event after COMMIT, before the delivery listener does. */
    void onAccepted(Consumer<TicketEvent> hook) {
        this.acceptedHook = hook;
    }

    void listen(DeliveryListener newListener) {
        this.listener = newListener;
    }

    /**
     * Hands a write to the writer.
     *
     * @param task the write; its promise is completed on its context
     */
    void submit(WriteTask<?> task) {
        gate.readLock().lock();
        try {
            if (closing) {
                task.promise().fail(new EventLogUnavailableException("the event log is closed"));
                return;
            }
            if (task.bounded() && pending.incrementAndGet() > MAX_PENDING) {
                pending.decrementAndGet();
                task.promise().fail(new EventLogUnavailableException("the event log has "
                        + MAX_PENDING + " appends waiting for the disk; retry shortly"));
                return;
            }
            queue.add(task);
        } finally {
            gate.readLock().unlock();
        }
    }

    /**
     * Refuses new writes, lets the writer commit every write queued before, then closes the
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

    /** Transactions committed so far; with group commit, fewer than writes. */
    long commits() {
        return commits.get();
    }

    @Override
    public void run() {
        try {
            store = SqliteEventStore.open(file);
            session = new WriteSession(store, new SqliteDeliveryWrites(store.connection()));
        } catch (Exception e) {
            openerContext.runOnContext(v -> opened.fail(new EventLogUnavailableException(
                    "cannot open the event log " + file + ": " + e.getMessage(), e)));
            return;
        }
        openerContext.runOnContext(v -> opened.complete());
        List<WriteTask<?>> batch = new ArrayList<>(MAX_BATCH);
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
                int bounded = 0;
                for (WriteTask<?> task : batch) {
                    bounded += task.bounded() ? 1 : 0;
                }
                pending.addAndGet(-bounded);
            }
        }
        closeStore();
    }

    private WriteTask<?> takeNext() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // only close() may stop the writer: queued writes must still get an answer
                LOG.debug("event log writer interrupted; it stops on close()");
            }
        }
    }

    private void writeBatch(List<WriteTask<?>> batch) {
        List<Object> results = new ArrayList<>(batch.size());
        try {
            store.begin();
            for (WriteTask<?> task : batch) {
                results.add(task.refusable() ? applyRefusable(task) : task.work().apply(session));
            }
            session.beforeCommit(clock.millis());
            store.commit();
            commits.incrementAndGet();
        } catch (Exception e) {
            store.rollbackQuietly();
            session.rolledBack();
            if (batch.size() > 1) {
                // one bad write must not fail its neighbours: write each alone to find it
                for (WriteTask<?> task : batch) {
                    writeBatch(List.of(task));
                }
            } else {
                WriteTask<?> task = batch.get(0);
                if (e instanceof PlatformException || e instanceof IllegalArgumentException) {
                    // the work refused its input (an unknown id, say): the caller's answer, not a store failure
                    fail(task, e);
                } else {
                    LOG.error("event log write ({}) failed", task.label(), e);
                    fail(task, new EventLogUnavailableException(
                            "the event log could not store " + task.label() + ": " + e.getMessage(), e));
                }
            }
            return;
        }
        tellListener();
        completeAll(batch, results);
    }

    /** Runs a task that may refuse its input; its refusal (the result) undoes its writes only. */
    private Object applyRefusable(WriteTask<?> task) throws SQLException {
        int mark = session.newsMark();
        store.savepoint();
        try {
            Object result = task.work().apply(session);
            store.releaseSavepoint();
            return result;
        } catch (PlatformException | IllegalArgumentException refused) {
            store.undoToSavepoint();
            session.forgetNewsSince(mark);
            return new Refused(refused);
        }
    }

    /** The result of a task that refused its input: its caller's answer is this failure. */
    private record Refused(RuntimeException reason) {}

    private void tellListener() {
        if (!session.hasNews()) {
            return;
        }
        DeliveryListener current = listener;
        try {
            // the timeline hears of an event before any plugin can act on it
            session.accepted().forEach(acceptedHook);
            if (current != null) {
                // bulk news first: a listener then reads them from the store, which holds the
                // whole batch already, before it hears of single deliveries with higher ids
                session.available().forEach(current::available);
                if (!session.recorded().isEmpty()) {
                    current.recorded(List.copyOf(session.recorded()));
                }
            }
        } catch (RuntimeException e) {
            // the deliveries are on disk: the dispatcher finds them when it next reads the store
            LOG.error("the delivery listener failed; the recorded deliveries wait in the store", e);
        } finally {
            session.forgetNews();
        }
    }

    /** Completes the futures, one task per caller context rather than one per write. */
    @SuppressWarnings("unchecked")
    private static void completeAll(List<WriteTask<?>> batch, List<Object> results) {
        Map<Context, List<Runnable>> byContext = new IdentityHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            WriteTask<Object> task = (WriteTask<Object>) batch.get(i);
            Object result = results.get(i);
            byContext.computeIfAbsent(task.context(), c -> new ArrayList<>()).add(() -> {
                if (result instanceof Refused refused) {
                    task.promise().fail(refused.reason());
                } else {
                    task.promise().complete(result);
                }
            });
        }
        byContext.forEach((context, completions) ->
                context.runOnContext(v -> completions.forEach(Runnable::run)));
    }

    private static void fail(WriteTask<?> task, Throwable cause) {
        task.context().runOnContext(v -> task.promise().fail(cause));
    }

    private void closeStore() {
        try (SqliteEventStore connection = store; SqliteDeliveryWrites statements = session.deliveries()) {
            // closes the delivery statements, then the store and its connection
        } catch (Exception e) {
            closerContext.runOnContext(v -> closed.fail(e));
            return;
        }
        closerContext.runOnContext(v -> closed.complete());
    }
}
