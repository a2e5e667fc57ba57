package dev.ticketflow.platform.timeline;

import io.vertx.core.Future;
import java.time.Instant;

/**
 * Each ticket's story: what was accepted, delivered and done, so that an operator can answer
 * "why did Ticketflow do that?". Recording never blocks and never fails the caller: entries are
 * written in batches in the background, and under extreme overload the newest are dropped (and
 * counted) rather than slowing intake down.
 *
 * <p>Thread-safe. The SQLite implementation is {@code SqliteTimeline}; a server database can
 * implement the same interface.
 */
public interface Timeline {

    /**
     * Records an entry. Returns at once.
     *
     * @param entry the entry
     */
    void record(TimelineEntry entry);

    /**
     * Reads a ticket's entries, oldest first, including every entry recorded before this call.
     *
     * @param source the help-desk installation, {@code null} for every source (entries whose
     *     source could not be determined are part of every source's timeline)
     * @param ticketId the ticket
     * @param after only entries with a greater {@code seq}; 0 from the start
     * @param limit at most this many entries
     * @return the page
     */
    Future<TimelinePage> read(String source, String ticketId, long after, int limit);

    /**
     * Deletes entries that happened before a time.
     *
     * @param cutoff entries older than this go
     * @return how many were deleted
     */
    Future<Long> pruneBefore(Instant cutoff);

    /** Entries dropped because too many were waiting to be written. */
    long dropped();

    /**
     * Writes what is waiting and stops recording.
     *
     * @return completes when written
     */
    Future<Void> close();
}
