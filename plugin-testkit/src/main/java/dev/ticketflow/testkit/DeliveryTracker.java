package dev.ticketflow.testkit;

import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.dispatch.DeliveryOutcome;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the test kit knows of the platform's traffic: every accepted event with how many plugins
 * it is owed to, and every delivery outcome, so that a test can wait until the platform is idle.
 * Fed from the event bus; read from the test thread.
 */
final class DeliveryTracker {

    private final Duration patience;
    private final List<TicketEvent> accepted = new CopyOnWriteArrayList<>();
    private final Set<String> publishedIds = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> expected = new ConcurrentHashMap<>();
    private final Map<String, List<DeliveryOutcome>> outcomes = new ConcurrentHashMap<>();

    DeliveryTracker(Duration patience) {
        this.patience = patience;
    }

    void accepted(TicketEvent event, int subscribedPlugins) {
        accepted.add(event);
        expected.put(event.id(), subscribedPlugins);
    }

    void outcome(DeliveryOutcome outcome) {
        outcomes.computeIfAbsent(outcome.eventId(), id -> new CopyOnWriteArrayList<>()).add(outcome);
    }

    /** Marks an event as the test's own, so that it does not count as emitted. */
    void published(String eventId) {
        publishedIds.add(eventId);
    }

    List<DeliveryOutcome> outcomesOf(String eventId) {
        return outcomes.getOrDefault(eventId, List.of());
    }

    int outcomeCount() {
        return outcomes.values().stream().mapToInt(List::size).sum();
    }

    /** Accepted events the test did not publish: emitted or ingested by plugins. */
    List<TicketEvent> emitted() {
        return accepted.stream().filter(e -> !publishedIds.contains(e.id())).toList();
    }

    List<String> acceptedTypes() {
        return accepted.stream().map(TicketEvent::type).toList();
    }

    void awaitIdle() {
        await(this::idle, () -> "the platform did not become idle within " + patience.toSeconds()
                + " s; deliveries still missing: " + missing());
    }

    void awaitOutcomes(int count) {
        await(() -> outcomeCount() >= count, () -> "only " + outcomeCount() + " of " + count
                + " deliveries finished within " + patience.toSeconds() + " s");
    }

    /** Polls a condition from the test thread until it holds, or fails with the message. */
    void await(BooleanSupplier condition, Supplier<String> failure) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    void clear() {
        accepted.clear();
        publishedIds.clear();
        expected.clear();
        outcomes.clear();
    }

    private boolean idle() {
        // the accepted-event notice travels the bus after the append answered: wait for it too
        if (!expected.keySet().containsAll(publishedIds)) {
            return false;
        }
        for (TicketEvent event : accepted) {
            Integer want = expected.get(event.id());
            if (want == null || outcomesOf(event.id()).size() < want) {
                return false;
            }
        }
        return true;
    }

    private Map<String, Integer> missing() {
        Map<String, Integer> missing = new HashMap<>();
        for (TicketEvent event : accepted) {
            int want = expected.getOrDefault(event.id(), -1);
            int have = outcomesOf(event.id()).size();
            if (have < want) {
                missing.put(event.id() + " (" + event.type() + ")", want - have);
            }
        }
        return missing;
    }
}
