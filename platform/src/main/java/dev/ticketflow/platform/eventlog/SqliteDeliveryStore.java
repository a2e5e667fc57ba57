package dev.ticketflow.platform.eventlog;

import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.dispatch.Delivery;
import dev.ticketflow.platform.dispatch.DeliveryListener;
import dev.ticketflow.platform.dispatch.DeliveryPage;
import dev.ticketflow.platform.dispatch.DeliveryQuery;
import dev.ticketflow.platform.dispatch.DeliveryState;
import dev.ticketflow.platform.dispatch.DeliveryStore;
import dev.ticketflow.platform.dispatch.OpenDeliveries;
import dev.ticketflow.platform.dispatch.ReplayRequest;
import dev.ticketflow.platform.dispatch.ReplayResult;
import dev.ticketflow.platform.dispatch.UnknownDeliveryException;
import dev.ticketflow.platform.eventlog.SqliteEventStore.EventRef;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deliveries in the event log's SQLite file: writes go through the event log's writer
 * thread (so they share its group commit and its order), reads through read-only connections.
 * Bulk operations (retrying all dead letters, replaying a time range) run as a sequence of
 * bounded transactions, so that intake never waits behind one long write.
 */
final class SqliteDeliveryStore implements DeliveryStore {

    /** Rows per transaction of a bulk operation. */
    static final int CHUNK = 500;

    private final Vertx vertx;
    private final Clock clock;
    private final GroupCommitWriter writer;
    private final SqliteReaders readers;

    SqliteDeliveryStore(Vertx vertx, Clock clock, GroupCommitWriter writer, SqliteReaders readers) {
        this.vertx = vertx;
        this.clock = clock;
        this.writer = writer;
        this.readers = readers;
    }

    @Override
    public void listen(DeliveryListener listener) {
        writer.listen(listener);
    }

    @Override
    public Future<OpenDeliveries> open(String pluginId, long afterId, int limit) {
        return readers.read(connection -> SqliteDeliveryReads.open(connection, pluginId, afterId, limit));
    }

    @Override
    public Future<Void> recordFor(String pluginId, TicketEvent event) {
        PendingAppend append;
        try {
            append = SqliteEventLog.pendingAppend(event, null, pluginId, List.of(pluginId), clock.millis());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return write("the event for plugin " + pluginId, session -> DeliveryWork.recordFor(session, append, pluginId));
    }

    @Override
    public Future<Void> recordAttempt(long deliveryId, DeliveryState state, int attempts, Instant nextAttemptAt,
            String error) {
        Long next = state == DeliveryState.RETRYING && nextAttemptAt != null ? nextAttemptAt.toEpochMilli() : null;
        return write("the attempt of delivery " + deliveryId, session -> {
            if (state == DeliveryState.SUCCEEDED) {
                // the common case: one statement for all successes of the batch, at its end
                session.deliveries().succeeded(deliveryId, attempts);
            } else {
                session.deliveries().update(deliveryId, state, attempts, next, error, clock.millis());
            }
            return null;
        });
    }

    @Override
    public Future<DeliveryPage> list(DeliveryQuery query) {
        return readers.read(connection -> SqliteDeliveryReads.list(connection, query));
    }

    @Override
    public Future<Optional<Delivery>> find(long deliveryId) {
        return readers.read(connection -> SqliteDeliveryReads.find(connection, deliveryId));
    }

    @Override
    public Future<Delivery> retryDeadLetter(long deliveryId) {
        return refusable("a retry of delivery " + deliveryId,
                session -> DeliveryWork.retryDeadLetter(session, deliveryId, clock.millis()));
    }

    @Override
    public Future<Integer> retryDeadLetters(String pluginId) {
        return retryDeadLetters(pluginId, 0);
    }

    private Future<Integer> retryDeadLetters(String pluginId, int doneSoFar) {
        return write("retries of dead letters of " + pluginId,
                session -> DeliveryWork.retryDeadLetters(session, pluginId, CHUNK, clock.millis()))
                .compose(retried -> retried < CHUNK ? Future.succeededFuture(doneSoFar + retried)
                        : retryDeadLetters(pluginId, doneSoFar + retried));
    }

    @Override
    public Future<ReplayResult> replay(ReplayRequest request, Map<String, List<String>> targets) {
        Map<String, List<String>> copy = Map.copyOf(targets);
        if (request.eventId() != null) {
            return refusable("a replay of event " + request.eventId(), session -> {
                EventRef event = session.events().ref(request.eventId());
                if (event == null) {
                    throw new UnknownDeliveryException("event", request.eventId());
                }
                return new ReplayResult(1, DeliveryWork.replay(session, event, copy, clock.millis()));
            });
        }
        long from = request.from().toEpochMilli();
        long to = request.to().toEpochMilli();
        return write("a replay of " + request.from() + " to " + request.to(),
                session -> session.events().seqBounds(from, to))
                .compose(bounds -> bounds == null ? Future.succeededFuture(new ReplayResult(0, 0))
                        : replayRange(from, to, bounds[0] - 1, bounds[1], copy, new ReplayResult(0, 0)));
    }

    private Future<ReplayResult> replayRange(long from, long to, long afterSeq, long lastSeq,
            Map<String, List<String>> targets, ReplayResult soFar) {
        return write("a replay of events after " + afterSeq, session -> {
            List<EventRef> events = session.events().refs(afterSeq, lastSeq, from, to, CHUNK);
            int recorded = 0;
            for (EventRef event : events) {
                recorded += DeliveryWork.replay(session, event, targets, clock.millis());
            }
            long reached = events.isEmpty() ? lastSeq : events.get(events.size() - 1).seq();
            return new Chunk(new ReplayResult(soFar.events() + events.size(), soFar.deliveries() + recorded),
                    reached, events.size() < CHUNK);
        }).compose(chunk -> chunk.last() ? Future.succeededFuture(chunk.result)
                : replayRange(from, to, chunk.reached(), lastSeq, targets, chunk.result()));
    }

    private record Chunk(ReplayResult result, long reached, boolean last) {}

    private <T> Future<T> write(String label, WriteTask.Work<T> work) {
        return submit(label, work, false);
    }

    /** A write that may refuse its input; it runs in a savepoint, so a refusal costs its batch nothing. */
    private <T> Future<T> refusable(String label, WriteTask.Work<T> work) {
        return submit(label, work, true);
    }

    private <T> Future<T> submit(String label, WriteTask.Work<T> work, boolean refusable) {
        Promise<T> promise = Promise.promise();
        // bookkeeping is never refused for a full queue: only appends are bounded
        writer.submit(new WriteTask<>(label, work, false, refusable, vertx.getOrCreateContext(), promise));
        return promise.future();
    }
}
