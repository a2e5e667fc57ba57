package dev.ticketflow.platform.dispatch;

import java.util.List;

/**
 * One page of a delivery listing.
 *
 * @param deliveries the deliveries, newest first
 * @param next the {@code before} of the next page, or {@code null} when this was the last
 */
public record DeliveryPage(List<Delivery> deliveries, Long next) {

    public DeliveryPage {
        deliveries = List.copyOf(deliveries);
    }
}
