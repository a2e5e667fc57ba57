package dev.ticketflow.platform.dispatch.internal;

import dev.ticketflow.platform.dispatch.DueDelivery;
import java.util.ArrayDeque;

/**
 * One ticket's deliveries to one plugin, in the order they were recorded. Only the head is ever
 * attempted: while it is in flight or waiting for its retry, the ticket's later events wait
 * behind it. Confined to the dispatcher's context.
 */
final class TicketLane {

    private final String ticketId;
    private final ArrayDeque<DueDelivery> queue = new ArrayDeque<>();
    private boolean inFlight;
    private long timer = -1;

    TicketLane(String ticketId) {
        this.ticketId = ticketId;
    }

    String ticketId() {
        return ticketId;
    }

    void add(DueDelivery delivery) {
        queue.addLast(delivery);
    }

    DueDelivery head() {
        return queue.peekFirst();
    }

    /** Replaces the head after a failed attempt. */
    void replaceHead(DueDelivery retry) {
        queue.pollFirst();
        queue.addFirst(retry);
    }

    /** Removes the settled head. */
    void removeHead() {
        queue.pollFirst();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    int size() {
        return queue.size();
    }

    /** Whether the head is in flight or waiting for its retry timer. */
    boolean busy() {
        return inFlight || timer >= 0;
    }

    void inFlight(boolean sending) {
        this.inFlight = sending;
    }

    long timer() {
        return timer;
    }

    void timer(long handle) {
        this.timer = handle;
    }
}
