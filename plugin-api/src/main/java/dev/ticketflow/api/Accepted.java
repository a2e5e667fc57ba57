package dev.ticketflow.api;

/**
 * The answer of the platform's intake to an event: the id it is known by, and whether it was a
 * redelivery of an event already accepted under the same delivery id.
 *
 * <p>Immutable and thread-safe.
 *
 * @param eventId the accepted event's id (the first event's id for a duplicate)
 * @param duplicate {@code true} when the delivery id had been seen before and nothing new was
 *     dispatched
 * @since 0.1
 */
public record Accepted(String eventId, boolean duplicate) {}
