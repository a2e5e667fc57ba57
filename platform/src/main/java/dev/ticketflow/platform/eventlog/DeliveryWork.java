package dev.ticketflow.platform.eventlog;

import dev.ticketflow.api.Accepted;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.platform.dispatch.Delivery;
import dev.ticketflow.platform.dispatch.DeliveryState;
import dev.ticketflow.platform.dispatch.DueDelivery;
import dev.ticketflow.platform.dispatch.NotADeadLetterException;
import dev.ticketflow.platform.dispatch.UnknownDeliveryException;
import dev.ticketflow.platform.eventlog.SqliteDeliveryWrites.Row;
import dev.ticketflow.platform.eventlog.SqliteEventStore.EventRef;
import dev.ticketflow.platform.eventlog.SqliteEventStore.Stored;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The multi-statement writes of deliveries, each run by the writer thread inside its open
 * transaction: what is written together is committed together.
 */
final class DeliveryWork {

    private DeliveryWork() {}

    /**
     * Appends an event and one pending delivery per subscribed plugin, so that an event is never
     * stored without the deliveries it owes.
     */
    static Accepted append(WriteSession session, PendingAppend append) throws SQLException {
        Stored stored = session.events().write(append);
        if (stored.seq() != 0 && append.audience() == null) {
            session.accepted(append.event());
        }
        if (stored.seq() != 0 && !append.subscribers().isEmpty()) {
            long now = append.acceptedAtMillis();
            long[] ids = session.deliveries().insertPending(append.subscribers(), stored.seq(), append.ticketId(), now);
            for (int i = 0; i < ids.length; i++) {
                session.recorded(new DueDelivery(ids[i], append.subscribers().get(i), append.event(), 0, 0, now, false));
            }
        }
        return stored.accepted();
    }

    /**
     * Records an event for one plugin and its delivery, once: a second call for the same event
     * and plugin (a timer firing again after a crash) finds the first and does nothing.
     */
    static Void recordFor(WriteSession session, PendingAppend append, String pluginId) throws SQLException {
        Stored stored = session.events().write(append);
        if (stored.seq() != 0 && append.audience() == null) {
            session.accepted(append.event());
        }
        long seq = stored.seq();
        if (seq == 0) {
            seq = session.events().seqOf(append.eventId());
            if (session.deliveries().prior(seq, pluginId).deliveries() > 0) {
                return null;
            }
        }
        record(session, pluginId, seq, append);
        return null;
    }

    private static void record(WriteSession session, String pluginId, long seq, PendingAppend append)
            throws SQLException {
        long now = append.acceptedAtMillis();
        long id = session.deliveries().insert(pluginId, seq, append.ticketId(), 0, false, now);
        session.recorded(new DueDelivery(id, pluginId, append.event(), 0, 0, now, false));
    }

    /**
     * Retries a dead letter: a new pending delivery continues its attempt count, and the dead
     * letter points to it.
     *
     * @return the new delivery
     */
    static Delivery retryDeadLetter(WriteSession session, long deliveryId, long now) throws SQLException {
        Row dead = session.deliveries().row(deliveryId);
        if (dead == null) {
            throw new UnknownDeliveryException("delivery", Long.toString(deliveryId));
        }
        if (dead.state() != DeliveryState.DEAD) {
            throw new NotADeadLetterException(deliveryId, "it is " + dead.state().wireName());
        }
        if (dead.retriedBy() != 0) {
            throw new NotADeadLetterException(deliveryId, "it was retried already by delivery " + dead.retriedBy());
        }
        long retry = session.deliveries().insert(dead.pluginId(), dead.eventSeq(), dead.ticketId(),
                dead.attemptBase() + dead.attempts(), true, now);
        session.deliveries().markRetried(deliveryId, retry, now);
        session.available(dead.pluginId());
        return SqliteDeliveryReads.find(session.deliveries().connection(), retry).orElseThrow();
    }

    /**
     * Retries the oldest dead letters of a plugin.
     *
     * @return how many were retried (fewer than {@code limit}: none is left)
     */
    static int retryDeadLetters(WriteSession session, String pluginId, int limit, long now) throws SQLException {
        List<Long> ids = session.deliveries().deadLetters(pluginId, limit);
        for (long id : ids) {
            retryDeadLetter(session, id, now);
        }
        return ids.size();
    }

    /**
     * Records a replay of one event to every target plugin subscribed to its type (only to its
     * audience, when it has one). The handler sees an attempt number above every earlier one,
     * and at least 2, so that it can tell a repeat.
     *
     * @return how many deliveries were recorded
     */
    static int replay(WriteSession session, EventRef event, Map<String, List<String>> targets, long now)
            throws SQLException {
        int recorded = 0;
        for (Map.Entry<String, List<String>> target : targets.entrySet()) {
            String pluginId = target.getKey();
            if (event.audience() != null && !event.audience().equals(pluginId)) {
                continue;
            }
            if (target.getValue().stream().noneMatch(pattern -> EventTypes.matches(pattern, event.type()))) {
                continue;
            }
            int base = Math.max(1, session.deliveries().prior(event.seq(), pluginId).attempts());
            session.deliveries().insert(pluginId, event.seq(), event.ticketId(), base, true, now);
            session.available(pluginId);
            recorded++;
        }
        return recorded;
    }
}
