package dev.ticketflow.platform.dispatch.internal;

import dev.ticketflow.api.Addresses;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.dispatch.DeliveryOutcome;
import dev.ticketflow.platform.dispatch.DeliveryOutcome.Outcome;
import dev.ticketflow.platform.metrics.PlatformMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deliveries to one started plugin: one chain per ticket, so that a ticket's events reach the
 * plugin one at a time in the order they were enqueued, while other tickets go in parallel. The
 * next delivery of a ticket starts after the previous one was answered or timed out.
 *
 * <p>This is the seam durable delivery replaces: where a chain now holds futures in memory, a
 * per-subscription cursor will hold positions in the event log, and {@link #deliver} will retry.
 *
 * <p>Confined to the dispatcher's context: every method but the counters must run there, which
 * also makes every reply arrive there, never on a plugin's own (possibly blocked) context.
 */
public final class PluginDeliveries {

    /** Header carrying the attempt number (1 for a first delivery). */
    public static final String ATTEMPT_HEADER = "ticketflow-attempt";

    private static final Logger LOG = LoggerFactory.getLogger(PluginDeliveries.class);

    private final Vertx vertx;
    private final String pluginId;
    private final List<String> subscriptions;
    private final PlatformMetrics metrics;
    private final DeliveryOptions options;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Map<String, Future<Void>> tails = new HashMap<>();
    private volatile int inFlight;
    private int abandoned;
    private boolean abandoning;
    private Promise<Void> drained;

    public PluginDeliveries(Vertx vertx, String pluginId, List<String> subscriptions, Duration handlerTimeout,
            PlatformMetrics metrics) {
        this.vertx = vertx;
        this.pluginId = pluginId;
        this.subscriptions = List.copyOf(subscriptions);
        this.metrics = metrics;
        this.options = new DeliveryOptions()
                .setSendTimeout(Math.max(1, handlerTimeout.toMillis()))
                .addHeader(ATTEMPT_HEADER, "1");
    }

    public String pluginId() {
        return pluginId;
    }

    public boolean subscribes(String eventType) {
        for (String pattern : subscriptions) {
            if (EventTypes.matches(pattern, eventType)) {
                return true;
            }
        }
        return false;
    }

    /** Deliveries the plugin handled successfully. Any thread. */
    public long delivered() {
        return delivered.get();
    }

    /** Deliveries that failed, threw, timed out or were dropped at stop. Any thread. */
    public long failed() {
        return failed.get();
    }

    /** Deliveries enqueued and not yet answered. Any thread. */
    public int inFlight() {
        return inFlight;
    }

    /**
     * Queues an event behind the ticket's earlier ones.
     *
     * @param event the event (id set)
     */
    public void enqueue(TicketEvent event) {
        String ticketId = event.ticketId();
        inFlight++;
        Future<Void> previous = tails.get(ticketId);
        Future<Void> mine = previous == null ? deliver(event) : previous.transform(settled -> deliver(event));
        tails.put(ticketId, mine);
        mine.onComplete(settled -> settle(ticketId, mine));
    }

    /**
     * Waits for what was enqueued, at most {@code maxWait}; what is still queued after that is
     * dropped (and counted as failed). Call after the plugin stopped receiving new events.
     *
     * @param maxWait the upper bound
     * @return completes when nothing is in flight or the bound passed
     */
    public Future<Void> drain(Duration maxWait) {
        if (inFlight == 0) {
            return Future.succeededFuture();
        }
        if (drained == null) {
            drained = Promise.promise();
            vertx.setTimer(Math.max(1, maxWait.toMillis()), timer -> abandon(maxWait));
        }
        return drained.future();
    }

    private void abandon(Duration maxWait) {
        if (inFlight > 0) {
            abandoning = true;
            LOG.warn("Plugin '{}' still had {} deliveries in flight {} ms after it was asked to stop;"
                    + " stopping it without them", pluginId, inFlight, maxWait.toMillis());
            drained.tryComplete();
        }
    }

    private Future<Void> deliver(TicketEvent event) {
        if (abandoning) {
            abandoned++;
            failed.incrementAndGet();
            return Future.succeededFuture();
        }
        long start = System.nanoTime();
        return vertx.eventBus()
                .request(Addresses.deliveries(pluginId), event, options)
                .transform(reply -> {
                    record(event, reply.failed() ? reply.cause() : null, System.nanoTime() - start);
                    return Future.<Void>succeededFuture();
                });
    }

    private void record(TicketEvent event, Throwable failure, long nanos) {
        Outcome outcome;
        if (failure == null) {
            delivered.incrementAndGet();
            outcome = Outcome.SUCCEEDED;
        } else if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.TIMEOUT) {
            failed.incrementAndGet();
            outcome = Outcome.TIMED_OUT;
            LOG.warn("Plugin '{}' did not handle event {} ({}, ticket {}) within {} ms; going on without it",
                    pluginId, event.id(), event.type(), event.ticketId(), options.getSendTimeout());
        } else {
            failed.incrementAndGet();
            outcome = Outcome.FAILED;
            LOG.warn("Plugin '{}' failed event {} ({}, ticket {}): {}",
                    pluginId, event.id(), event.type(), event.ticketId(), failure.getMessage());
        }
        metrics.delivery(pluginId, outcome.tag(), nanos);
        vertx.eventBus().publish(DeliveryOutcome.ADDRESS, new DeliveryOutcome(pluginId, event.id(),
                event.ticketId(), 1, outcome, failure == null ? null : failure.getMessage(), nanos));
    }

    private void settle(String ticketId, Future<Void> mine) {
        if (tails.get(ticketId) == mine) {
            tails.remove(ticketId);
        }
        inFlight--;
        if (inFlight == 0 && drained != null) {
            if (abandoned > 0) {
                LOG.warn("Plugin '{}' was stopped before {} queued deliveries reached it", pluginId, abandoned);
            }
            drained.tryComplete();
        }
    }
}
