package dev.ticketflow.platform.port.internal;

import dev.ticketflow.api.Addresses;
import dev.ticketflow.api.FailureCode;
import dev.ticketflow.api.PortCallException;
import dev.ticketflow.api.port.HelpDesk;
import dev.ticketflow.api.port.TicketRef;
import dev.ticketflow.api.port.TicketSnapshot;
import dev.ticketflow.platform.port.HelpDeskCommand;
import dev.ticketflow.platform.port.HelpDeskCommand.Action;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The help-desk port as a plugin sees it: each call is checked against the plugin's permissions
 * and then sent as a {@link HelpDeskCommand} to whichever plugin provides the help desk. Every
 * call is recorded in the ticket's timeline with its result or error. In dry run the writes are
 * recorded as "would have" and not sent; reads still go through.
 */
public final class HelpDeskClient implements HelpDesk {

    private final EventBus bus;
    private final PluginPermissions permissions;
    private final String eventId;
    private final TicketRef ticket;
    private final DeliveryOptions options;
    private final PortRecorder recorder;
    private final boolean dryRun;

    /**
     * Creates the port.
     *
     * @param eventId the event being handled, {@code null} outside a delivery
     * @param timeout how long the connector may take to answer
     * @param recorder where the calls are recorded
     * @param dryRun whether writes are only recorded
     */
    public HelpDeskClient(EventBus bus, PluginPermissions permissions, String eventId, TicketRef ticket,
            Duration timeout, PortRecorder recorder, boolean dryRun) {
        this.bus = bus;
        this.permissions = permissions;
        this.eventId = eventId;
        this.ticket = ticket;
        this.options = new DeliveryOptions().setSendTimeout(Math.max(1, timeout.toMillis()));
        this.recorder = recorder;
        this.dryRun = dryRun;
    }

    @Override
    public TicketRef ticket() {
        return ticket;
    }

    @Override
    public Future<Void> addTags(String... tags) {
        return call(Action.ADD_TAGS, values(tags)).mapEmpty();
    }

    @Override
    public Future<Void> removeTags(String... tags) {
        return call(Action.REMOVE_TAGS, values(tags)).mapEmpty();
    }

    @Override
    public Future<Void> addInternalNote(String body) {
        return call(Action.INTERNAL_NOTE, values(body)).mapEmpty();
    }

    @Override
    public Future<Void> addPublicReply(String body) {
        return call(Action.PUBLIC_REPLY, values(body)).mapEmpty();
    }

    @Override
    public Future<Void> addCc(String... emails) {
        return call(Action.ADD_CC, values(emails)).mapEmpty();
    }

    @Override
    public Future<Void> assignGroup(String group) {
        return call(Action.ASSIGN_GROUP, values(group)).mapEmpty();
    }

    @Override
    public Future<TicketSnapshot> read() {
        return call(Action.READ, List.of()).map(TicketSnapshot.class::cast);
    }

    private static List<String> values(String... values) {
        return values == null ? null : Arrays.asList(values);
    }

    private Future<Object> call(Action action, List<String> values) {
        String kind = "helpdesk." + action.name().toLowerCase(Locale.ROOT);
        List<String> shown = values == null ? List.of() : values.stream().map(String::valueOf).toList();
        PortAction described = HelpDeskActions.describe(action, shown);
        JsonObject detail = HelpDeskActions.detail(action, shown);
        return permissions.require(action.permission()).transform(allowed -> {
            if (allowed.failed()) {
                return recorder.track(ticket, eventId, kind, described, detail, Future.failedFuture(allowed.cause()));
            }
            HelpDeskCommand command;
            try {
                command = new HelpDeskCommand(permissions.pluginId(), eventId, ticket, action, values);
            } catch (NullPointerException missing) {
                return recorder.track(ticket, eventId, kind, described, detail, Future.failedFuture(new PortCallException(
                        FailureCode.INVALID_REQUEST, "help-desk " + action + " needs non-null values")));
            }
            if (dryRun && action != Action.READ) {
                recorder.wouldHave(ticket, eventId, kind, described, detail);
                return Future.succeededFuture();
            }
            Future<Object> sent = bus.request(Addresses.HELP_DESK, command, options)
                    .<Object>map(Message::body)
                    .recover(failure -> Future.failedFuture(translate(action, failure)));
            return recorder.track(ticket, eventId, kind, described, detail, sent);
        });
    }

    private Throwable translate(Action action, Throwable failure) {
        if (!(failure instanceof ReplyException reply)) {
            return new PortCallException(FailureCode.INTERNAL, "help-desk " + action + " failed: " + failure);
        }
        return switch (reply.failureType()) {
            case NO_HANDLERS -> new PortCallException(FailureCode.NO_PROVIDER,
                    "no help-desk connector plugin is loaded, so plugin '" + permissions.pluginId()
                            + "' cannot " + action + " on ticket " + ticket.ticketId()
                            + ": add a connector plugin (one declaring helpdesk:provide) to the plugins folder");
            case TIMEOUT -> new PortCallException(FailureCode.TIMEOUT,
                    "the help-desk connector did not answer " + action + " on ticket " + ticket.ticketId()
                            + " within " + options.getSendTimeout() + " ms");
            case RECIPIENT_FAILURE -> new PortCallException(FailureCode.of(reply.failureCode()), reply.getMessage());
            default -> new PortCallException(FailureCode.INTERNAL, "help-desk " + action + " failed: " + reply.getMessage());
        };
    }
}
