package dev.ticketflow.testkit;

import dev.ticketflow.api.Addresses;
import dev.ticketflow.api.FailureCode;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.port.TicketSnapshot;
import dev.ticketflow.platform.port.HelpDeskCommand;
import dev.ticketflow.platform.port.HelpDeskCommand.Action;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A help desk in memory, standing in for a connector plugin: it answers the help-desk port of
 * the plugins under test and records every call for assertions. Tickets it is asked to read
 * come from {@link #putTicket}; a call can be made to fail with {@link #failNext}.
 *
 * <p>Thread-safe.
 */
public final class FakeHelpDesk {

    private final List<HelpDeskCommand> commands = new CopyOnWriteArrayList<>();
    private final Map<String, TicketSnapshot> tickets = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private MessageConsumer<HelpDeskCommand> consumer;

    Future<Void> register(Vertx vertx) {
        consumer = vertx.eventBus().consumer(Addresses.HELP_DESK, this::handle);
        return consumer.completion();
    }

    Future<Void> unregister() {
        return consumer == null ? Future.succeededFuture() : consumer.unregister();
    }

    private void handle(Message<HelpDeskCommand> message) {
        HelpDeskCommand command = message.body();
        commands.add(command);
        if (!failures.isEmpty()) {
            message.fail(FailureCode.VENDOR_ERROR.code(), failures.remove(0));
            return;
        }
        if (command.action() == Action.READ) {
            TicketSnapshot snapshot = tickets.get(command.ticket().ticketId());
            if (snapshot == null) {
                message.fail(FailureCode.INVALID_REQUEST.code(),
                        "ticket " + command.ticket().ticketId() + " is unknown to the fake help desk");
            } else {
                message.reply(snapshot);
            }
            return;
        }
        message.reply(null);
    }

    /** Makes a ticket readable through the port. */
    public FakeHelpDesk putTicket(Ticket ticket) {
        tickets.put(ticket.id(), new TicketSnapshot(ticket, List.of()));
        return this;
    }

    /** Makes a ticket with comments readable through the port. */
    public FakeHelpDesk putTicket(TicketSnapshot snapshot) {
        tickets.put(snapshot.ticket().id(), snapshot);
        return this;
    }

    /** Fails the next call with a vendor error carrying this message. */
    public FakeHelpDesk failNext(String message) {
        failures.add(message);
        return this;
    }

    /** Every call received, in order. */
    public List<HelpDeskCommand> commands() {
        return List.copyOf(commands);
    }

    /** The calls of one action on one ticket. */
    public List<HelpDeskCommand> commands(String ticketId, Action action) {
        return commands.stream()
                .filter(c -> c.ticket().ticketId().equals(ticketId) && c.action() == action)
                .toList();
    }

    /** Every tag added to a ticket, in order. */
    public List<String> tagsAdded(String ticketId) {
        return values(ticketId, Action.ADD_TAGS);
    }

    /** Every tag removed from a ticket. */
    public List<String> tagsRemoved(String ticketId) {
        return values(ticketId, Action.REMOVE_TAGS);
    }

    /** The internal notes posted on a ticket. */
    public List<String> internalNotes(String ticketId) {
        return values(ticketId, Action.INTERNAL_NOTE);
    }

    /** The public replies posted on a ticket. */
    public List<String> publicReplies(String ticketId) {
        return values(ticketId, Action.PUBLIC_REPLY);
    }

    /** The addresses put in copy of a ticket. */
    public List<String> ccs(String ticketId) {
        return values(ticketId, Action.ADD_CC);
    }

    /** The groups a ticket was assigned to. */
    public List<String> groupsAssigned(String ticketId) {
        return values(ticketId, Action.ASSIGN_GROUP);
    }

    private List<String> values(String ticketId, Action action) {
        List<String> values = new ArrayList<>();
        for (HelpDeskCommand command : commands(ticketId, action)) {
            values.addAll(command.values());
        }
        return values;
    }

    /** Forgets the recorded calls, the tickets and pending failures. */
    public void reset() {
        commands.clear();
        tickets.clear();
        failures.clear();
    }
}
