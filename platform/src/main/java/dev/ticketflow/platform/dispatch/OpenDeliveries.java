package dev.ticketflow.platform.dispatch;

import java.util.List;

/**
 * One page of a plugin's open deliveries, read in one snapshot of the store.
 *
 * @param deliveries the deliveries, in id order
 * @param complete whether the page holds every open delivery of the plugin after the asked id
 *     (fewer than the limit were found)
 * @param through the highest delivery id of any plugin in the snapshot: with {@code complete},
 *     the plugin has no open delivery at or below it that is not in the page
 */
public record OpenDeliveries(List<DueDelivery> deliveries, boolean complete, long through) {

    public OpenDeliveries {
        deliveries = List.copyOf(deliveries);
    }
}
