package dev.ticketflow.platform.dispatch;

import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.config.TicketflowConfig;
import dev.ticketflow.platform.dispatch.internal.PluginDeliveries;
import dev.ticketflow.platform.metrics.PlatformMetrics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands accepted events to the started plugins over the event bus: each subscribed plugin gets
 * each event by request/reply on {@code Addresses.deliveries(pluginId)}, with the handler time-out
 * as send time-out. Per plugin and ticket strictly one at a time in acceptance order; different
 * tickets and different plugins in parallel, so a failing, hanging or blocking plugin is logged
 * and counted while every other plugin still gets every event.
 *
 * <p>All its state lives on one event-loop context of its own, which every call hops onto (in
 * call order, so concurrent dispatches reach every plugin in the same order). Requests are sent
 * from there, so replies never depend on the caller's context: an event a plugin emits is
 * delivered to others even while that plugin blocks or is being unloaded.
 *
 * <p>In memory for now: an event in flight when the process dies is lost to the plugins. Durable
 * per-subscription cursors replace {@link PluginDeliveries}' chains without changing this API.
 *
 * <p>Thread-safe; create it on a non-Vert.x thread or an event loop (it takes that context).
 */
public final class PluginDispatcher implements Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(PluginDispatcher.class);

    private final Vertx vertx;
    private final Context context;
    private final Duration handlerTimeout;
    private final PlatformMetrics metrics;
    private final Map<String, PluginDeliveries> subscribers = new LinkedHashMap<>();

    public PluginDispatcher(Vertx vertx, TicketflowConfig config, PlatformMetrics metrics) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.handlerTimeout = config.handlerTimeout();
        this.metrics = metrics;
        if (!context.isEventLoopContext()) {
            LOG.warn("The dispatcher was created on a {} context; deliveries are still ordered but run there",
                    context.threadingModel());
        }
    }

    /** How long one delivery may take before it counts as timed out. */
    public Duration handlerTimeout() {
        return handlerTimeout;
    }

    @Override
    public void dispatch(TicketEvent event) {
        context.runOnContext(hop -> {
            for (PluginDeliveries deliveries : subscribers.values()) {
                if (deliveries.subscribes(event.type())) {
                    deliveries.enqueue(event);
                }
            }
        });
    }

    /**
     * Delivers an event to one plugin only (its own timers), in order with its other deliveries
     * for the same ticket.
     *
     * @param pluginId the plugin
     * @param event the event (id set)
     * @return completes once the delivery has taken the event (for now: once it is queued in
     *     memory), fails when the plugin is not started
     */
    public Future<Void> deliverTo(String pluginId, TicketEvent event) {
        Promise<Void> taken = Promise.promise();
        context.runOnContext(hop -> {
            PluginDeliveries deliveries = subscribers.get(pluginId);
            if (deliveries == null) {
                taken.fail(new IllegalStateException("event " + event.id() + " (" + event.type()
                        + ") cannot go to plugin '" + pluginId + "': the plugin is not started"));
                return;
            }
            deliveries.enqueue(event);
            taken.complete();
        });
        return taken.future();
    }

    /**
     * Starts delivering to a plugin whose verticle consumes its delivery address.
     *
     * @param pluginId the plugin
     * @param subscriptions its subscription patterns
     * @return the plugin's deliveries (for counts and {@link #detach}), once events flow to it
     */
    public Future<PluginDeliveries> attach(String pluginId, List<String> subscriptions) {
        Promise<PluginDeliveries> attached = Promise.promise();
        context.runOnContext(hop -> {
            PluginDeliveries deliveries = new PluginDeliveries(vertx, pluginId, subscriptions, handlerTimeout, metrics);
            if (subscribers.put(pluginId, deliveries) != null) {
                LOG.warn("Plugin '{}' was attached twice; the earlier attachment no longer receives events", pluginId);
            }
            attached.complete(deliveries);
        });
        return attached.future();
    }

    /**
     * Stops delivering new events to a plugin and waits for its in-flight deliveries, at most
     * {@code maxWait}.
     *
     * @param deliveries what {@link #attach} returned
     * @param maxWait the upper bound of the wait
     * @return completes when the plugin can be stopped
     */
    public Future<Void> detach(PluginDeliveries deliveries, Duration maxWait) {
        Promise<Void> detached = Promise.promise();
        context.runOnContext(hop -> {
            subscribers.remove(deliveries.pluginId(), deliveries);
            deliveries.drain(maxWait).onComplete(detached);
        });
        return detached.future();
    }
}
