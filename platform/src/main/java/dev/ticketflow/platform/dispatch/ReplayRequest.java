package dev.ticketflow.platform.dispatch;

import java.time.Instant;

/**
 * Which events to deliver again: one event by id, or every event accepted in a time range.
 *
 * @param eventId the one event, or {@code null} for a range
 * @param from the range's start (inclusive), when no event id is given
 * @param to the range's end (exclusive), when no event id is given
 */
public record ReplayRequest(String eventId, Instant from, Instant to) {

    public ReplayRequest {
        if (eventId == null && (from == null || to == null)) {
            throw new IllegalArgumentException("a replay names an eventId, or a time range with from and to");
        }
        if (eventId != null && (from != null || to != null)) {
            throw new IllegalArgumentException("a replay names either an eventId or a time range, not both");
        }
        if (from != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("the replay range is empty: 'from' must be before 'to'");
        }
    }

    public static ReplayRequest event(String eventId) {
        return new ReplayRequest(eventId, null, null);
    }

    public static ReplayRequest range(Instant from, Instant to) {
        return new ReplayRequest(null, from, to);
    }
}
