package dev.ticketflow.api;

import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.HelpDesk;
import dev.ticketflow.api.port.HelpDeskProvider;
import dev.ticketflow.api.port.KeyValueStore;
import dev.ticketflow.api.port.Mail;
import dev.ticketflow.api.port.TicketRef;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;

/**
 * What the platform gives a plugin for its lifetime: its id and configuration, a logger, the
 * Vert.x instance, and the ways to subscribe, add routes and act outside an event.
 *
 * <p>Thread-safe; the registration methods are meant for {@link TicketflowPlugin#register}.
 *
 * @since 0.1
 */
public interface PluginContext {

    /**
     * The plugin's id, from its descriptor.
     *
     * @return the id
     * @since 0.1
     */
    String pluginId();

    /**
     * The Vert.x instance, for timers and clients (a {@code WebClient} for a vendor API).
     *
     * @return Vert.x
     * @since 0.1
     */
    Vertx vertx();

    /**
     * The plugin's configuration section, validated against its schema.
     *
     * @return the configuration, empty when none is set
     * @since 0.1
     */
    JsonObject config();

    /**
     * A logger tagged with the plugin id.
     *
     * @return the logger
     * @since 0.1
     */
    Log log();

    /**
     * Handles events whose type matches a pattern. The pattern must be covered by the
     * subscriptions in the plugin's descriptor. Several handlers matching one event run one
     * after another in registration order.
     *
     * @param typePattern exact type, {@code prefix.*} or {@code *}
     * @param handler the handler
     * @return this context
     * @throws IllegalArgumentException when the descriptor does not subscribe to the pattern
     * @since 0.1
     */
    PluginContext on(String typePattern, EventHandler handler);

    /**
     * Handles events whose type matches any of several patterns.
     *
     * @param typePatterns the patterns
     * @param handler the handler
     * @return this context
     * @throws IllegalArgumentException when the descriptor does not subscribe to a pattern
     * @since 0.1
     */
    PluginContext on(List<String> typePatterns, EventHandler handler);

    /**
     * The plugin's HTTP routes, mounted at {@code /hooks/<plugin-id>/} and removed when the
     * plugin unloads. Handlers run on the HTTP server's event loop and must not block; a route
     * that turns a vendor webhook into an event answers after {@link #ingest} completed.
     *
     * @return the plugin's router
     * @since 0.1
     */
    Router router();

    /**
     * Accepts an event into the platform, as {@code POST /events} does: appended, then
     * delivered to every subscribed plugin. For connectors turning vendor webhooks into events.
     * Permission {@code events:emit}.
     *
     * @param event the event
     * @param deliveryId the vendor's delivery id; a second event with the same id is a duplicate
     *     and not dispatched again. {@code null} for no de-duplication.
     * @return the accepted event's id, and whether it was a duplicate
     * @since 0.1
     */
    Future<Accepted> ingest(TicketEvent event, String deliveryId);

    /**
     * The help desk, bound to any ticket (for routes and timers, where there is no event).
     *
     * @param ticket the ticket
     * @return the help-desk port
     * @since 0.1
     */
    HelpDesk helpDesk(TicketRef ticket);

    /**
     * The mail port.
     *
     * @return the mail port
     * @since 0.1
     */
    Mail mail();

    /**
     * The plugin's key/value store.
     *
     * @return the store
     * @since 0.1
     */
    KeyValueStore store();

    /**
     * Serves the help-desk port of every plugin. Permission {@code helpdesk:provide}; only one
     * plugin may provide the help desk at a time.
     *
     * @param provider the connector's implementation
     * @since 0.1
     */
    void provideHelpDesk(HelpDeskProvider provider);
}
