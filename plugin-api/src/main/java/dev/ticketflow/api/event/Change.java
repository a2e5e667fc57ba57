package dev.ticketflow.api.event;

/**
 * One changed ticket field of a {@code ticket.updated} (or status) event.
 *
 * <p>Immutable and thread-safe as long as the values are (strings, numbers, lists of strings).
 *
 * @param from the value before, may be {@code null}
 * @param to the value after, may be {@code null}
 * @since 0.1
 */
public record Change(Object from, Object to) {}
