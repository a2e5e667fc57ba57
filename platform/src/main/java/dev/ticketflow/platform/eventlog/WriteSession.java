package dev.ticketflow.platform.eventlog;

import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.dispatch.DueDelivery;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a {@link WriteTask} works with inside the writer's open transaction: the statements, and
 * the news for the {@code DeliveryListener} that is told after COMMIT (and forgotten when the
 * transaction rolls back).
 */
final class WriteSession {

    private final SqliteEventStore events;
    private final SqliteDeliveryWrites deliveries;
    private final List<DueDelivery> recorded = new ArrayList<>();
    private final List<TicketEvent> accepted = new ArrayList<>();
    private final Set<String> available = new LinkedHashSet<>();

    WriteSession(SqliteEventStore events, SqliteDeliveryWrites deliveries) {
        this.events = events;
        this.deliveries = deliveries;
    }

    SqliteEventStore events() {
        return events;
    }

    SqliteDeliveryWrites deliveries() {
        return deliveries;
    }

    /** An event newly stored by an append (not a duplicate, not a fired timer). */
    void accepted(TicketEvent event) {
        accepted.add(event);
    }

    List<TicketEvent> accepted() {
        return accepted;
    }

    /** A delivery recorded with its event at hand. */
    void recorded(DueDelivery delivery) {
        recorded.add(delivery);
    }

    /** Deliveries recorded in bulk for a plugin. */
    void available(String pluginId) {
        available.add(pluginId);
    }

    List<DueDelivery> recorded() {
        return recorded;
    }

    Set<String> available() {
        return available;
    }

    /** How much news there is now, for {@link #forgetNewsSince}. */
    int newsMark() {
        return recorded.size();
    }

    /** Forgets the single deliveries recorded since a mark (a refused task's; bulk news are only added on success). */
    void forgetNewsSince(int mark) {
        recorded.subList(mark, recorded.size()).clear();
    }

    boolean hasNews() {
        return !recorded.isEmpty() || !available.isEmpty() || !accepted.isEmpty();
    }

    void forgetNews() {
        recorded.clear();
        accepted.clear();
        available.clear();
    }

    /** Writes what the tasks left for the end of the transaction; called before COMMIT. */
    void beforeCommit(long now) throws SQLException {
        deliveries.flushSucceeded(now);
    }

    /** The transaction rolled back: forgets its news and what was left for its end. */
    void rolledBack() {
        forgetNews();
        deliveries.forgetSucceeded();
    }
}
