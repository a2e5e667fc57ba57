package dev.ticketflow.platform.retention;

/**
 * What one pruning pass deleted.
 *
 * @param timelineEntries timeline entries older than {@code retention.timeline}
 * @param deliveryIds inbound delivery ids older than {@code retention.deliveryIds}
 */
public record Pruned(long timelineEntries, long deliveryIds) {}
