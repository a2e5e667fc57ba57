package dev.ticketflow.testkit.fakes;

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

/**
 * One delivery on a {@link FakePluginContext}: its ports are the plugin context's fakes, the
 * help desk bound to the event's ticket, and {@link #emit} records the event there. Made by
 * {@link FakePluginContext#eventContext(TicketEvent, int)} for tests that call a handler directly.
 */
public final class FakeEventContext implements EventContext {

    private final FakePluginContext plugin;
    private final TicketEvent event;
    private final int attempt;

    FakeEventContext(FakePluginContext plugin, TicketEvent event, int attempt) {
        this.plugin = plugin;
        this.event = event;
        this.attempt = attempt;
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
        return plugin.log();
    }

    @Override
    public JsonObject config() {
        return plugin.config();
    }

    @Override
    public HelpDesk helpDesk() {
        return plugin.helpDesk(new TicketRef(event.source(), event.ticketId()));
    }

    @Override
    public Mail mail() {
        return plugin.mail();
    }

    @Override
    public Scheduler schedule() {
        return plugin.scheduler();
    }

    @Override
    public KeyValueStore store() {
        return plugin.store();
    }

    @Override
    public Future<String> emit(TicketEvent newEvent) {
        return plugin.recordEmitted(newEvent);
    }

    @Override
    public PluginContext plugin() {
        return plugin;
    }
}
