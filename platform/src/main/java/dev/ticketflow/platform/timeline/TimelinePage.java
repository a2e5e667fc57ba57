package dev.ticketflow.platform.timeline;

import java.util.List;

/**
 * One page of a ticket's timeline, oldest entry first.
 *
 * @param entries the entries
 * @param next the {@code seq} to pass as {@code after} for the next page, {@code null} when this
 *     page is the last one so far
 */
public record TimelinePage(List<TimelineEntry> entries, Long next) {

    public TimelinePage {
        entries = List.copyOf(entries);
    }
}
