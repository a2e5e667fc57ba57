package dev.ticketflow.platform.dispatch;

import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.config.DeliverySettings;
import dev.ticketflow.platform.config.TicketflowConfig;
import dev.ticketflow.platform.dispatch.internal.PluginDeliveries;
import dev.ticketflow.platform.metrics.PlatformMetrics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers recorded events to the started plugins over the event bus: each delivery is a
 * request on {@code Addresses.deliveries(pluginId)} with the handler time-out as send time-out.
 * Per plugin and ticket strictly one at a time in acceptance order, retried with backoff until it
 * succeeds or becomes a dead letter; different tickets and different plugins in parallel, so a
 * failing, hanging or blocking plugin is logged, retried and paused while every other plugin
 * still gets every event.
 *
 * <p>Durable: the event log records one delivery per subscribed plugin with each event
 * ({@link #subscribers} tells whom), and this dispatcher delivers from those records, which the
 * {@link DeliveryStore} announces as they are committed. A plugin that starts (also after a
 * restart) first gets what is still open for it, in order; a plugin that stops keeps its open
 * deliveries for its next start.
 *
 * <p>All its state lives on one event-loop context of its own, which every call hops onto.
 * Requests are sent from there, so replies never depend on the caller's context: an event a
 * plugin emits is delivered to others even while that plugin blocks or is being unloaded.
 *
 * <p>Thread-safe; create it on a non-Vert.x thread or an event loop (it takes that context).
 */
public final class PluginDispatcher implements Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(PluginDispatcher.class);

    private final Vertx vertx;
    private final Context context;
    private final Duration handlerTimeout;
    private final DeliverySettings settings;
    private final DeliveryStore store;
    private final DeliveryClock clock;
    private final PlatformMetrics metrics;
    private final Map<String, PluginDeliveries> attached = new LinkedHashMap<>();
    // read by the intake on any event loop before each append; replaced whole on attach/detach
    private volatile Map<String, List<String>> subscriptions = Map.of();

    /**
     * A dispatcher delivering what a store records.
     *
     * @param config the handler time-out and the delivery policies
     * @param store where deliveries are recorded; the dispatcher becomes its listener
     * @param clock the time of retries and cool-downs
     */
    public PluginDispatcher(Vertx vertx, TicketflowConfig config, DeliveryStore store, DeliveryClock clock,
            PlatformMetrics metrics) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.handlerTimeout = config.handlerTimeout();
        this.settings = config.delivery();
        this.store = store;
        this.clock = clock;
        this.metrics = metrics;
        if (!context.isEventLoopContext()) {
            LOG.warn("The dispatcher was created on a {} context; deliveries are still ordered but run there",
                    context.threadingModel());
        }
        store.listen(new DeliveryListener() {
            @Override
            public void recorded(List<DueDelivery> deliveries) {
                context.runOnContext(hop -> offer(deliveries));
            }

            @Override
            public void available(String pluginId) {
                context.runOnContext(hop -> {
                    PluginDeliveries deliveries = attached.get(pluginId);
                    if (deliveries != null) {
                        deliveries.more();
                    }
                });
            }
        });
    }

    /** How long one delivery may take before it counts as timed out. */
    public Duration handlerTimeout() {
        return handlerTimeout;
    }

    /** Where the deliveries are recorded. */
    public DeliveryStore store() {
        return store;
    }

    @Override
    public List<String> subscribers(String eventType) {
        List<String> subscribed = new ArrayList<>(2);
        subscriptions.forEach((pluginId, patterns) -> {
            for (String pattern : patterns) {
                if (EventTypes.matches(pattern, eventType)) {
                    subscribed.add(pluginId);
                    return;
                }
            }
        });
        return subscribed;
    }

    /**
     * The started plugins and their subscription patterns.
     *
     * @return plugin id to patterns
     */
    public Map<String, List<String>> subscriptions() {
        return subscriptions;
    }

    /**
     * Delivers an event to one plugin only (a timer it set fired), in order with its other
     * deliveries for the same ticket. The event and its delivery are recorded first, so the
     * delivery survives a crash; recording the same event for the same plugin twice delivers
     * it once. A plugin that is not started gets it when it starts.
     *
     * @param pluginId the plugin
     * @param event the event (id set)
     * @return completes once the delivery is on disk
     */
    public Future<Void> deliverTo(String pluginId, TicketEvent event) {
        return store.recordFor(pluginId, event);
    }

    /**
     * Starts delivering to a plugin whose verticle consumes its delivery address: first what is
     * still open for it in the store, then new deliveries.
     *
     * @param pluginId the plugin
     * @param patterns its subscription patterns
     * @return the plugin's deliveries (for counts and {@link #detach}), once events flow to it
     */
    public Future<PluginDeliveries> attach(String pluginId, List<String> patterns) {
        Promise<PluginDeliveries> done = Promise.promise();
        context.runOnContext(hop -> {
            PluginDeliveries deliveries = new PluginDeliveries(vertx, pluginId, patterns, handlerTimeout,
                    settings.forPlugin(pluginId), store, clock, metrics);
            PluginDeliveries earlier = attached.put(pluginId, deliveries);
            if (earlier != null) {
                LOG.warn("Plugin '{}' was attached twice; the earlier attachment no longer receives events", pluginId);
                earlier.drain(Duration.ZERO);
            }
            publishSubscriptions();
            deliveries.start();
            done.complete(deliveries);
        });
        return done.future();
    }

    /**
     * Stops delivering to a plugin and waits for its in-flight deliveries, at most
     * {@code maxWait}. Its open deliveries stay recorded and resume when it starts again; events
     * accepted while it is stopped are not recorded for it.
     *
     * @param deliveries what {@link #attach} returned
     * @param maxWait the upper bound of the wait
     * @return completes when the plugin can be stopped
     */
    public Future<Void> detach(PluginDeliveries deliveries, Duration maxWait) {
        Promise<Void> detached = Promise.promise();
        context.runOnContext(hop -> {
            if (attached.remove(deliveries.pluginId(), deliveries)) {
                publishSubscriptions();
            }
            deliveries.drain(maxWait).onComplete(detached);
        });
        return detached.future();
    }

    private void offer(List<DueDelivery> recorded) {
        for (DueDelivery delivery : recorded) {
            PluginDeliveries deliveries = attached.get(delivery.pluginId());
            if (deliveries != null) {
                deliveries.offer(delivery);
            }
        }
    }

    private void publishSubscriptions() {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        attached.forEach((pluginId, deliveries) -> snapshot.put(pluginId, deliveries.subscriptions()));
        subscriptions = Map.copyOf(snapshot);
    }
}
