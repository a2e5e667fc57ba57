package dev.ticketflow.platform.dispatch.internal;

import dev.ticketflow.platform.dispatch.DeliveryClock;
import dev.ticketflow.platform.dispatch.DeliveryStore;
import dev.ticketflow.platform.dispatch.DueDelivery;
import dev.ticketflow.platform.dispatch.OpenDeliveries;
import io.vertx.core.AsyncResult;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of a plugin's open deliveries are held in memory. The store holds all of them; memory
 * holds at most {@link #SIZE}, taken in id order: every open delivery with an id up to the
 * cursor is in memory (or settled), every one above it is in the store only. Live, new
 * deliveries are taken as the store announces them; when memory is full, when a plugin starts
 * (its backlog after a restart), or when a replay records many at once, the window pages them in
 * from the store as memory frees up. A slow or paused plugin thus costs bounded memory, whatever
 * its backlog.
 *
 * <p>Confined to the dispatcher's context.
 */
final class DeliveryWindow {

    /** The most deliveries of one plugin held in memory. */
    static final int SIZE = 4_096;
    /** Paging reads more once memory holds no more than this. */
    static final int REFILL_AT = 1_024;
    private static final long RETRY_READ_MILLIS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWindow.class);

    /** Where the window puts what it takes in. */
    interface Holder {
        /** Takes a delivery into memory. */
        void hold(DueDelivery delivery);

        /** Deliveries in memory now. */
        int held();

        /** Whether the plugin was detached (nothing is taken in any more). */
        boolean detached();
    }

    private final String pluginId;
    private final int size;
    private final int refillAt;
    private final DeliveryStore store;
    private final DeliveryClock clock;
    private final Holder holder;
    private final List<DueDelivery> arrivedWhileReading = new ArrayList<>();
    private long cursor;
    private boolean paging = true;
    private boolean reading;
    private boolean readAgain;

    DeliveryWindow(String pluginId, DeliveryStore store, DeliveryClock clock, Holder holder) {
        this(pluginId, store, clock, holder, SIZE, REFILL_AT);
    }

    DeliveryWindow(String pluginId, DeliveryStore store, DeliveryClock clock, Holder holder, int size, int refillAt) {
        this.pluginId = pluginId;
        this.size = size;
        this.refillAt = refillAt;
        this.store = store;
        this.clock = clock;
        this.holder = holder;
    }

    /** Reads the plugin's backlog: everything still open from before it was attached. */
    void start() {
        read();
    }

    /** A delivery the store recorded with its event (in commit order). */
    void offer(DueDelivery delivery) {
        if (delivery.id() <= cursor) {
            return;
        }
        if (paging) {
            // in the store; a read in flight may or may not see it, so keep it until it answers
            if (reading) {
                arrivedWhileReading.add(delivery);
            }
            return;
        }
        if (holder.held() >= size) {
            paging = true;
            return;
        }
        cursor = delivery.id();
        holder.hold(delivery);
    }

    /** The store recorded deliveries in bulk (replay, retried dead letters): page them in. */
    void more() {
        paging = true;
        if (reading) {
            readAgain = true;
        } else {
            read();
        }
    }

    /** A delivery left memory (settled). */
    void released() {
        if (paging && !reading && holder.held() <= refillAt) {
            read();
        }
    }

    private void read() {
        int room = size - holder.held();
        if (holder.detached() || room <= 0) {
            return;
        }
        reading = true;
        readAgain = false;
        arrivedWhileReading.clear();
        store.open(pluginId, cursor, room).onComplete(this::onPage);
    }

    private void onPage(AsyncResult<OpenDeliveries> result) {
        reading = false;
        if (holder.detached()) {
            return;
        }
        if (result.failed()) {
            LOG.warn("Reading the open deliveries of plugin '{}' failed ({}); trying again in {} ms", pluginId,
                    result.cause().toString(), RETRY_READ_MILLIS);
            clock.schedule(RETRY_READ_MILLIS, () -> {
                if (paging && !reading) {
                    read();
                }
            });
            return;
        }
        OpenDeliveries page = result.result();
        for (DueDelivery delivery : page.deliveries()) {
            if (delivery.id() > cursor) {
                cursor = delivery.id();
                holder.hold(delivery);
            }
        }
        if (page.complete() && !readAgain) {
            // caught up: nothing of this plugin is open in the store up to the snapshot's end
            cursor = Math.max(cursor, page.through());
            paging = false;
            List<DueDelivery> later = List.copyOf(arrivedWhileReading);
            arrivedWhileReading.clear();
            later.forEach(this::offer);
        } else {
            arrivedWhileReading.clear();
            if (readAgain || holder.held() <= refillAt) {
                read();
            }
        }
    }
}
