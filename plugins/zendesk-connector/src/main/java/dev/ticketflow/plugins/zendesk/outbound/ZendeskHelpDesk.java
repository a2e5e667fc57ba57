package dev.ticketflow.plugins.zendesk.outbound;

import dev.ticketflow.api.FailureCode;
import dev.ticketflow.api.Log;
import dev.ticketflow.api.PortCallException;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.port.HelpDeskProvider;
import dev.ticketflow.api.port.TicketRef;
import dev.ticketflow.api.port.TicketSnapshot;
import dev.ticketflow.plugins.zendesk.ZendeskValues;
import dev.ticketflow.plugins.zendesk.config.ConnectorConfig;
import dev.ticketflow.plugins.zendesk.config.InstanceConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The help-desk port on Zendesk: each call goes to the instance named by the ticket's source
 * ({@code zendesk:<instance>}, or the bare instance name). An instance without credentials runs
 * dry: the call is logged with everything it would send and succeeds.
 *
 * <p>Failures reach the calling plugin as {@link PortCallException}s: an unknown instance,
 * ticket or group is {@link FailureCode#INVALID_REQUEST}; anything Zendesk refused after retries
 * is {@link FailureCode#VENDOR_ERROR} with Zendesk's own message.
 */
public final class ZendeskHelpDesk implements HelpDeskProvider {

    private static final String SOURCE_PREFIX = "zendesk:";

    private final ConnectorConfig config;
    private final Map<String, ZendeskTickets> live = new LinkedHashMap<>();
    private final Log log;

    public ZendeskHelpDesk(ConnectorConfig config, WebClient client, Context context, Log log) {
        this.config = config;
        this.log = log;
        for (InstanceConfig instance : config.all()) {
            if (!instance.dryRun()) {
                live.put(instance.name(), new ZendeskTickets(new ZendeskApi(client, context, instance, log), context));
            }
        }
    }

    @Override
    public Future<Void> addTags(TicketRef ticket, List<String> tags) {
        return act(ticket, "add tags " + tags, tickets -> tickets.addTags(ticket.ticketId(), tags));
    }

    @Override
    public Future<Void> removeTags(TicketRef ticket, List<String> tags) {
        return act(ticket, "remove tags " + tags, tickets -> tickets.removeTags(ticket.ticketId(), tags));
    }

    @Override
    public Future<Void> addComment(TicketRef ticket, String body, boolean isPublic) {
        String what = (isPublic ? "add a public reply: " : "add an internal note: ") + body;
        return act(ticket, what, tickets -> tickets.addComment(ticket.ticketId(), body, isPublic));
    }

    @Override
    public Future<Void> addCc(TicketRef ticket, List<String> emails) {
        return act(ticket, "add in copy " + emails, tickets -> tickets.addCc(ticket.ticketId(), emails));
    }

    @Override
    public Future<Void> assignGroup(TicketRef ticket, String group) {
        return act(ticket, "assign group '" + group + "'", tickets -> tickets.assignGroup(ticket.ticketId(), group));
    }

    @Override
    public Future<TicketSnapshot> read(TicketRef ticket) {
        Optional<InstanceConfig> instance = resolve(ticket);
        if (instance.isEmpty()) {
            return Future.failedFuture(unknownInstance(ticket));
        }
        if (!ZendeskValues.isTicketId(ticket.ticketId())) {
            return Future.failedFuture(badTicketId(ticket));
        }
        if (instance.get().dryRun()) {
            log.info("[dry-run] zendesk:{} ticket {}: read (nothing sent; answering a ticket with only its id)",
                    instance.get().name(), ticket.ticketId());
            Ticket onlyId = new Ticket(ticket.ticketId(), instance.get().agentTicketUrl(ticket.ticketId()),
                    null, null, null, List.of(), null, null, null, null, Map.of());
            return Future.succeededFuture(new TicketSnapshot(onlyId, List.of()));
        }
        return live.get(instance.get().name()).read(ticket.ticketId())
                .recover(failure -> Future.failedFuture(toPortFailure(ticket, failure)));
    }

    private Future<Void> act(TicketRef ticket, String what, Function<ZendeskTickets, Future<Void>> call) {
        Optional<InstanceConfig> instance = resolve(ticket);
        if (instance.isEmpty()) {
            return Future.failedFuture(unknownInstance(ticket));
        }
        if (!ZendeskValues.isTicketId(ticket.ticketId())) {
            return Future.failedFuture(badTicketId(ticket));
        }
        if (instance.get().dryRun()) {
            log.info("[dry-run] zendesk:{} ticket {}: would {} (nothing sent)", instance.get().name(), ticket.ticketId(), what);
            return Future.succeededFuture();
        }
        return call.apply(live.get(instance.get().name()))
                .recover(failure -> Future.failedFuture(toPortFailure(ticket, failure)));
    }

    /**
     * {@code zendesk:acme} or {@code acme}; with one instance only, a missing source means it;
     * with none configured at all, every source runs dry.
     */
    private Optional<InstanceConfig> resolve(TicketRef ticket) {
        String source = ticket.source();
        boolean unnamed = source == null || source.isBlank();
        String name = unnamed ? "unconfigured"
                : source.startsWith(SOURCE_PREFIX) ? source.substring(SOURCE_PREFIX.length()) : source;
        if (config.instances().isEmpty()) {
            return Optional.of(InstanceConfig.unconfigured(name));
        }
        if (unnamed) {
            return config.all().size() == 1 ? Optional.of(config.all().iterator().next()) : Optional.empty();
        }
        return config.instance(name);
    }

    private PortCallException unknownInstance(TicketRef ticket) {
        return new PortCallException(FailureCode.INVALID_REQUEST, "no Zendesk instance for source '" + ticket.source()
                + "': configured are " + config.instances().keySet().stream().map(name -> SOURCE_PREFIX + name).toList());
    }

    private static PortCallException badTicketId(TicketRef ticket) {
        return new PortCallException(FailureCode.INVALID_REQUEST,
                "'" + ticket.ticketId() + "' is not a Zendesk ticket id (a positive integer)");
    }

    private static Throwable toPortFailure(TicketRef ticket, Throwable failure) {
        if (failure instanceof PortCallException) {
            return failure;
        }
        if (failure instanceof UnknownGroupException) {
            return new PortCallException(FailureCode.INVALID_REQUEST, failure.getMessage());
        }
        if (failure instanceof ZendeskApiException api) {
            FailureCode code = api.status() == 404 ? FailureCode.INVALID_REQUEST : FailureCode.VENDOR_ERROR;
            String message = api.status() == 404
                    ? "ticket " + ticket.ticketId() + " not found in Zendesk instance '" + api.instance() + "': " + api.zendeskError()
                    : api.getMessage();
            return new PortCallException(code, message);
        }
        return new PortCallException(FailureCode.INTERNAL, "Zendesk call failed: " + failure);
    }
}
