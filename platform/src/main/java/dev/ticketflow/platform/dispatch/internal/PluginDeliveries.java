package dev.ticketflow.platform.dispatch.internal;

import dev.ticketflow.api.Addresses;
import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.platform.config.DeliveryPolicy;
import dev.ticketflow.platform.dispatch.CircuitStatus;
import dev.ticketflow.platform.dispatch.DeliveryClock;
import dev.ticketflow.platform.dispatch.DeliveryOutcome.Outcome;
import dev.ticketflow.platform.dispatch.DeliveryStore;
import dev.ticketflow.platform.dispatch.DueDelivery;
import dev.ticketflow.platform.metrics.PlatformMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deliveries to one started plugin. Each ticket has a lane: its deliveries reach the plugin
 * one at a time in the order they were recorded, and a failed one is retried (with the policy's
 * backoff) before the ticket's next event goes out; other tickets go in parallel. After the last
 * attempt a delivery becomes a dead letter and the lane moves on. A circuit breaker pauses the
 * whole plugin after too many failures in a row. Every attempt's result goes to the
 * {@link DeliveryStore} and to observers (see {@link AttemptRecorder}); which open deliveries are
 * held in memory is {@link DeliveryWindow}'s.
 *
 * <p>Confined to the dispatcher's context: every method but the counters must run there, which
 * also makes every reply arrive there, never on a plugin's own (possibly blocked) context.
 */
public final class PluginDeliveries implements DeliveryWindow.Holder {

    /** Header carrying the attempt number (1 for a first delivery). */
    public static final String ATTEMPT_HEADER = "ticketflow-attempt";
    /** Header present ({@code true}) on a delivery an operator asked for: a replay or a retried dead letter. */
    public static final String REPLAY_HEADER = "ticketflow-replay";

    private static final Logger LOG = LoggerFactory.getLogger(PluginDeliveries.class);

    private final Vertx vertx;
    private final String pluginId;
    private final List<String> subscriptions;
    private final DeliveryPolicy policy;
    private final long handlerTimeoutMillis;
    private final DeliveryStore store;
    private final DeliveryClock clock;
    private final PlatformMetrics metrics;
    private final CircuitBreaker breaker;
    private final DeliveryWindow window;
    private final AttemptRecorder recorder;
    private final Map<String, TicketLane> lanes = new HashMap<>();
    private final Set<TicketLane> waitingForCircuit = new LinkedHashSet<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile int inFlight;
    private int held;
    private long circuitTimer = -1;
    private boolean detached;
    private Promise<Void> drained;

    public PluginDeliveries(Vertx vertx, String pluginId, List<String> subscriptions, Duration handlerTimeout,
            DeliveryPolicy policy, DeliveryStore store, DeliveryClock clock, PlatformMetrics metrics) {
        this.vertx = vertx;
        this.pluginId = pluginId;
        this.subscriptions = List.copyOf(subscriptions);
        this.policy = policy;
        this.handlerTimeoutMillis = Math.max(1, handlerTimeout.toMillis());
        this.store = store;
        this.clock = clock;
        this.metrics = metrics;
        this.breaker = new CircuitBreaker(policy.circuitBreaker());
        this.window = new DeliveryWindow(pluginId, store, clock, this);
        this.recorder = new AttemptRecorder(pluginId, store, vertx.eventBus(), metrics);
    }

    public String pluginId() {
        return pluginId;
    }

    public List<String> subscriptions() {
        return subscriptions;
    }

    public boolean subscribes(String eventType) {
        for (String pattern : subscriptions) {
            if (EventTypes.matches(pattern, eventType)) {
                return true;
            }
        }
        return false;
    }

    /** Attempts the plugin handled successfully. Any thread. */
    public long delivered() {
        return delivered.get();
    }

    /** Attempts that failed or timed out. Any thread. */
    public long failed() {
        return failed.get();
    }

    /** Attempts waiting for the plugin's answer. Any thread. */
    public int inFlight() {
        return inFlight;
    }

    /** The circuit breaker's state. Any thread. */
    public CircuitStatus circuit() {
        return breaker.status();
    }

    /** Starts delivering: the backlog in the store first, new deliveries as they come. */
    public void start() {
        metrics.circuit(pluginId, false);
        window.start();
    }

    /** A delivery the store just recorded, with its event. */
    public void offer(DueDelivery delivery) {
        window.offer(delivery);
    }

    /** The store recorded deliveries in bulk; they are read from there. */
    public void more() {
        window.more();
    }

    /**
     * Stops starting deliveries and waits for those in flight, at most {@code maxWait}. What is
     * not delivered stays open in the store, for the plugin's next start.
     *
     * @param maxWait the upper bound
     * @return completes when nothing is in flight or the bound passed
     */
    public Future<Void> drain(Duration maxWait) {
        if (!detached) {
            detached = true;
            lanes.values().forEach(lane -> cancelTimer(lane.timer()));
            lanes.clear();
            waitingForCircuit.clear();
            cancelTimer(circuitTimer);
            held = 0;
        }
        if (inFlight == 0) {
            return Future.succeededFuture();
        }
        if (drained == null) {
            drained = Promise.promise();
            vertx.setTimer(Math.max(1, maxWait.toMillis()), timer -> {
                if (inFlight > 0) {
                    LOG.warn("Plugin '{}' still had {} deliveries in flight {} ms after it was asked to stop;"
                            + " stopping it without them (they are delivered again at its next start)", pluginId,
                            inFlight, maxWait.toMillis());
                }
                drained.tryComplete();
            });
        }
        return drained.future();
    }

    @Override
    public void hold(DueDelivery delivery) {
        TicketLane lane = lanes.computeIfAbsent(delivery.ticketId(), TicketLane::new);
        lane.add(delivery);
        held++;
        if (lane.size() == 1) {
            advance(lane);
        }
    }

    @Override
    public int held() {
        return held;
    }

    @Override
    public boolean detached() {
        return detached;
    }

    private void advance(TicketLane lane) {
        if (detached || lane.busy()) {
            return;
        }
        DueDelivery head = lane.head();
        if (head == null) {
            lanes.remove(lane.ticketId(), lane);
            return;
        }
        long now = clock.millis();
        // a delivery never attempted is due at once, whatever clock recorded it
        if (head.attempts() > 0 && head.nextAttemptAt() > now) {
            lane.timer(clock.schedule(head.nextAttemptAt() - now, () -> {
                lane.timer(-1);
                advance(lane);
            }));
            return;
        }
        if (!breaker.tryAcquire(now)) {
            waitingForCircuit.add(lane);
            return;
        }
        send(lane, head);
    }

    private void send(TicketLane lane, DueDelivery head) {
        lane.inFlight(true);
        inFlight++;
        int attempt = head.nextAttemptNumber();
        DeliveryOptions options = new DeliveryOptions().setSendTimeout(handlerTimeoutMillis)
                .addHeader(ATTEMPT_HEADER, Integer.toString(attempt));
        if (head.replay()) {
            options.addHeader(REPLAY_HEADER, "true");
        }
        long start = System.nanoTime();
        vertx.eventBus().request(Addresses.deliveries(pluginId), head.event(), options).onComplete(reply ->
                settle(lane, head, attempt, reply.failed() ? reply.cause() : null, System.nanoTime() - start));
    }

    private void settle(TicketLane lane, DueDelivery head, int attempt, Throwable failure, long nanos) {
        lane.inFlight(false);
        inFlight--;
        if (failure == null) {
            succeeded(lane, head, attempt, nanos);
        } else {
            failed(lane, head, attempt, failure, nanos);
        }
        if (detached) {
            if (inFlight == 0 && drained != null) {
                drained.tryComplete();
            }
            return;
        }
        advance(lane);
    }

    private void succeeded(TicketLane lane, DueDelivery head, int attempt, long nanos) {
        delivered.incrementAndGet();
        recorder.succeeded(head, attempt, nanos);
        settled(lane);
        if (breaker.onSuccess()) {
            recorder.circuitClosed();
            wakeWaiting();
        }
    }

    private void failed(TicketLane lane, DueDelivery head, int attempt, Throwable failure, long nanos) {
        failed.incrementAndGet();
        long now = clock.millis();
        boolean timedOut = failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.TIMEOUT;
        String error = timedOut ? "no answer within " + handlerTimeoutMillis + " ms" : String.valueOf(failure.getMessage());
        Outcome outcome = timedOut ? Outcome.TIMED_OUT : Outcome.FAILED;
        if (head.attempts() + 1 >= policy.retry().maxAttempts()) {
            recorder.dead(head, attempt, outcome, error, nanos);
            settled(lane);
        } else {
            Duration wait = policy.retry().delayBefore(head.attempts() + 2, ThreadLocalRandom.current().nextDouble(-1, 1));
            long retryAt = now + Math.max(1, wait.toMillis());
            recorder.retrying(head, attempt, outcome, error, wait, retryAt, nanos);
            lane.replaceHead(head.failed(retryAt));
        }
        if (breaker.onFailure(now)) {
            recorder.circuitOpened(breaker.status().consecutiveFailures(), policy.circuitBreaker().coolDown());
            scheduleTrial();
        }
    }

    private void settled(TicketLane lane) {
        if (detached) {
            // the lanes were dropped at detach; the store keeps what is still open
            return;
        }
        lane.removeHead();
        held--;
        window.released();
    }

    private void scheduleTrial() {
        cancelTimer(circuitTimer);
        long wait = Math.max(1, breaker.openUntil() - clock.millis());
        circuitTimer = clock.schedule(wait, () -> {
            circuitTimer = -1;
            wakeWaiting();
        });
    }

    private void wakeWaiting() {
        List<TicketLane> waiting = new ArrayList<>(waitingForCircuit);
        waitingForCircuit.clear();
        waiting.forEach(this::advance);
    }

    private void cancelTimer(long handle) {
        if (handle >= 0) {
            clock.cancel(handle);
        }
    }
}
