package dev.ticketflow.platform.dispatch;

import dev.ticketflow.api.event.TicketEvent;

/**
 * Hands accepted events to the plugins subscribed to their type: each plugin independently, in
 * acceptance order per ticket, never letting one plugin's failure or slowness hold up another.
 */
public interface Dispatcher {

    /**
     * Dispatches an accepted event to every subscribed plugin. Returns at once.
     *
     * @param event the accepted event (id set)
     */
    void dispatch(TicketEvent event);
}
