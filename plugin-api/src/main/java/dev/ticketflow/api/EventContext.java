package dev.ticketflow.api;

import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.HelpDesk;
import dev.ticketflow.api.port.KeyValueStore;
import dev.ticketflow.api.port.Mail;
import dev.ticketflow.api.port.Scheduler;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * What a handler gets for one delivery: the event, a logger tagged with its id, the plugin's
 * configuration and the ports to act through. Port calls made here are recorded against the
 * event's ticket.
 *
 * <p>Valid for the duration of the handler's future; thread-safe.
 *
 * @since 0.1
 */
public interface EventContext {

    /**
     * The event being delivered.
     *
     * @return the event
     * @since 0.1
     */
    TicketEvent event();

    /**
     * Which attempt this is, starting at 1; higher after a retry, a crash or a replay.
     *
     * @return the attempt number
     * @since 0.1
     */
    int attempt();

    /**
     * A logger tagged with the plugin and event ids.
     *
     * @return the logger
     * @since 0.1
     */
    Log log();

    /**
     * The plugin's configuration section, validated against its schema.
     *
     * @return the configuration, empty when none is set
     * @since 0.1
     */
    JsonObject config();

    /**
     * The help desk, bound to the event's ticket and source.
     *
     * @return the help-desk port
     * @since 0.1
     */
    HelpDesk helpDesk();

    /**
     * The mail port.
     *
     * @return the mail port
     * @since 0.1
     */
    Mail mail();

    /**
     * The plugin's timers.
     *
     * @return the scheduler
     * @since 0.1
     */
    Scheduler schedule();

    /**
     * The plugin's key/value store.
     *
     * @return the store
     * @since 0.1
     */
    KeyValueStore store();

    /**
     * Emits a new event (for example {@code feedback.classified}); it is accepted like any other
     * and delivered to the plugins that subscribe to its type. Permission {@code events:emit}.
     *
     * @param event the event, usually made with {@link TicketEvent#derive}
     * @return the new event's id
     * @since 0.1
     */
    Future<String> emit(TicketEvent event);

    /**
     * The plugin-wide context.
     *
     * @return the plugin context
     * @since 0.1
     */
    PluginContext plugin();
}
