package dev.ticketflow.platform.plugin.internal;

import dev.ticketflow.api.EventContext;
import dev.ticketflow.api.Log;
import dev.ticketflow.api.PluginContext;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.HelpDesk;
import dev.ticketflow.api.port.KeyValueStore;
import dev.ticketflow.api.port.Mail;
import dev.ticketflow.api.port.Scheduler;
import dev.ticketflow.api.port.TicketRef;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** One delivery's {@link EventContext}: the event, its tagged logger, and the plugin's ports. */
final class DefaultEventContext implements EventContext {

    private final DefaultPluginContext plugin;
    private final TicketEvent event;
    private final int attempt;
    private final Log log;

    DefaultEventContext(DefaultPluginContext plugin, TicketEvent event, int attempt) {
        this.plugin = plugin;
        this.event = event;
        this.attempt = attempt;
        this.log = plugin.log().forEvent(event.id());
    }

    @Override
    public TicketEvent event() {
        return event;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public Log log() {
        return log;
    }

    @Override
    public JsonObject config() {
        return plugin.config();
    }

    @Override
    public HelpDesk helpDesk() {
        return plugin.helpDesk(ticket(), event.id());
    }

    @Override
    public Mail mail() {
        return plugin.mail(ticket(), event.id());
    }

    @Override
    public Scheduler schedule() {
        return plugin.scheduler(ticket(), event.id());
    }

    @Override
    public KeyValueStore store() {
        return plugin.store();
    }

    @Override
    public Future<String> emit(TicketEvent newEvent) {
        return plugin.emit(newEvent, event.id());
    }

    private TicketRef ticket() {
        return new TicketRef(event.source(), event.ticketId());
    }

    @Override
    public PluginContext plugin() {
        return plugin;
    }
}
