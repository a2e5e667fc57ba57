package dev.ticketflow.platform.retention;

import dev.ticketflow.platform.config.Retention;
import dev.ticketflow.platform.timeline.Timeline;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes timeline entries and inbound delivery ids once they are older than configured, every
 * {@code retention.pruneInterval} and once at start. The deleting runs on the stores' worker
 * thread, in chunks, never on an event loop; ages are measured with the injected clock.
 */
public final class RetentionPruner {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionPruner.class);

    private final Vertx vertx;
    private final Retention retention;
    private final Timeline timeline;
    private final InboundDeliveryIds deliveryIds;
    private final Clock clock;
    private long periodic = -1;
    private Future<Pruned> running = Future.succeededFuture(new Pruned(0, 0));

    public RetentionPruner(Vertx vertx, Retention retention, Timeline timeline, InboundDeliveryIds deliveryIds,
            Clock clock) {
        this.vertx = vertx;
        this.retention = retention;
        this.timeline = timeline;
        this.deliveryIds = deliveryIds;
        this.clock = clock;
    }

    /** Prunes now, then every {@code pruneInterval}. */
    public synchronized void start() {
        if (periodic < 0) {
            periodic = vertx.setPeriodic(1, Math.max(1, retention.pruneInterval().toMillis()), tick -> pruneNow());
        }
    }

    /**
     * Prunes now (after a pass already running).
     *
     * @return what was deleted
     */
    public synchronized Future<Pruned> pruneNow() {
        running = running.transform(previous -> prune());
        return running;
    }

    /** Stops the periodic pruning; a pass in progress finishes. */
    public synchronized Future<Void> close() {
        if (periodic >= 0) {
            vertx.cancelTimer(periodic);
            periodic = -1;
        }
        return running.transform(finished -> Future.succeededFuture());
    }

    private Future<Pruned> prune() {
        Instant now = clock.instant();
        Instant timelineCutoff = now.minus(retention.timeline());
        Instant deliveryIdCutoff = now.minus(retention.deliveryIds());
        return timeline.pruneBefore(timelineCutoff)
                .compose(entries -> deliveryIds.pruneReceivedBefore(deliveryIdCutoff)
                        .map(ids -> new Pruned(entries, ids)))
                .onSuccess(pruned -> {
                    if (pruned.timelineEntries() > 0 || pruned.deliveryIds() > 0) {
                        LOG.info("Retention: deleted {} timeline entries older than {} and {} delivery ids older than {}",
                                pruned.timelineEntries(), timelineCutoff, pruned.deliveryIds(), deliveryIdCutoff);
                    }
                })
                .onFailure(failure -> LOG.warn("Retention pruning failed; trying again in {}",
                        retention.pruneInterval(), failure));
    }
}
