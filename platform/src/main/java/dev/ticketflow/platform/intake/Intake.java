package dev.ticketflow.platform.intake;

import dev.ticketflow.api.Accepted;
import dev.ticketflow.api.Addresses;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.dispatch.Dispatcher;
import dev.ticketflow.platform.eventlog.EventLog;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import java.time.Clock;
import java.util.UUID;

/**
 * Where every event enters: {@code POST /events}, connector webhooks and plugin emits alike.
 * It assigns the id and time, and appends the event to the log together with a delivery for
 * each plugin subscribed to it (durable before the future completes); the dispatcher delivers
 * from there. A redelivered delivery id answers the first event's id and records nothing.
 */
public final class Intake {

    private final EventLog log;
    private final Dispatcher dispatcher;
    private final EventBus bus;
    private final Clock clock;

    public Intake(EventLog log, Dispatcher dispatcher, EventBus bus, Clock clock) {
        this.log = log;
        this.dispatcher = dispatcher;
        this.bus = bus;
        this.clock = clock;
    }

    /**
     * Accepts an event.
     *
     * @param event the event; a missing id or time is filled in
     * @param deliveryId the inbound delivery id, or {@code null}
     * @return the event id and whether it was a duplicate delivery
     */
    public Future<Accepted> accept(TicketEvent event, String deliveryId) {
        String id = event.id() != null ? event.id() : newEventId();
        TicketEvent stamped = event.withIdAndTime(id, clock.instant());
        return log.append(stamped, deliveryId, dispatcher.subscribers(stamped.type())).onSuccess(accepted -> {
            if (!accepted.duplicate()) {
                bus.publish(Addresses.EVENTS_ACCEPTED, stamped);
            }
        });
    }

    static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }
}
