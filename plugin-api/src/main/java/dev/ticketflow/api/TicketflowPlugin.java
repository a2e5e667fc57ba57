package dev.ticketflow.api;

import io.vertx.core.Future;
import org.pf4j.ExtensionPoint;

/**
 * The extension point every Ticketflow plugin implements once, as an {@code @Extension} class.
 *
 * <p>{@link #register(PluginContext)} runs first: it binds handlers to the event types the plugin
 * declared in its descriptor ({@code plugin.subscriptions}), adds HTTP routes and, for a
 * help-desk connector, provides the help desk. Then {@link #onStart(PluginContext)} may do
 * asynchronous start-up work. Both run on the plugin's own verticle.
 *
 * <pre>{@code
 * @Extension
 * public final class TagNewTickets implements TicketflowPlugin {
 *     @Override
 *     public void register(PluginContext plugin) {
 *         plugin.on(EventTypes.TICKET_CREATED, ctx -> ctx.helpDesk().addTags("new"));
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface TicketflowPlugin extends ExtensionPoint {

    /**
     * Binds handlers, routes and providers. An exception here fails the plugin's start; the
     * platform reports it and goes on without the plugin.
     *
     * @param plugin the plugin's context
     * @since 0.1
     */
    void register(PluginContext plugin);

    /**
     * Asynchronous start-up work, after {@link #register(PluginContext)}. A failed future fails
     * the plugin's start.
     *
     * @param plugin the plugin's context
     * @return completes when the plugin is ready
     * @since 0.1
     */
    default Future<Void> onStart(PluginContext plugin) {
        return Future.succeededFuture();
    }

    /**
     * Called before the plugin is unloaded, after its in-flight deliveries finished.
     *
     * @return completes when resources are released
     * @since 0.1
     */
    default Future<Void> onStop() {
        return Future.succeededFuture();
    }
}
