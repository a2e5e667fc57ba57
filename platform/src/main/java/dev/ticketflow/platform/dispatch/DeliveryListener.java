package dev.ticketflow.platform.dispatch;

import java.util.List;

/**
 * Hears from the {@link DeliveryStore} about deliveries that were recorded. Called on the
 * store's own thread, once per transaction and in commit order, so an implementation only hands
 * the news over to where it works (and never blocks).
 */
public interface DeliveryListener {

    /**
     * Deliveries recorded with their events at hand (accepted events, fired timers).
     *
     * @param deliveries the new deliveries, in id order
     */
    void recorded(List<DueDelivery> deliveries);

    /**
     * Deliveries recorded for a plugin in bulk (replays, retried dead letters); read them with
     * {@link DeliveryStore#open}.
     *
     * @param pluginId the plugin
     */
    void available(String pluginId);
}
