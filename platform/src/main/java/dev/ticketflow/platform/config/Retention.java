package dev.ticketflow.platform.config;

import java.time.Duration;

/**
 * How long the platform keeps what only looks back, and how often it prunes the rest.
 *
 * @param timeline how long ticket timeline entries are kept ({@code retention.timeline})
 * @param deliveryIds how long inbound delivery ids are remembered, so that a redelivery within
 *     that window is recognised as a duplicate ({@code retention.deliveryIds})
 * @param pruneInterval how often older entries are deleted ({@code retention.pruneInterval})
 */
public record Retention(Duration timeline, Duration deliveryIds, Duration pruneInterval) {

    /** 30 days of timeline, 7 days of delivery ids, pruned every hour. */
    public static final Retention DEFAULTS =
            new Retention(Duration.ofDays(30), Duration.ofDays(7), Duration.ofHours(1));

    public Retention withTimeline(Duration value) {
        return new Retention(value, deliveryIds, pruneInterval);
    }

    public Retention withDeliveryIds(Duration value) {
        return new Retention(timeline, value, pruneInterval);
    }

    public Retention withPruneInterval(Duration value) {
        return new Retention(timeline, deliveryIds, value);
    }
}
