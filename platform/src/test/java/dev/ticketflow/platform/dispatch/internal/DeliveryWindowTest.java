package dev.ticketflow.platform.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.dispatch.Delivery;
import dev.ticketflow.platform.dispatch.DeliveryListener;
import dev.ticketflow.platform.dispatch.DeliveryPage;
import dev.ticketflow.platform.dispatch.DeliveryQuery;
import dev.ticketflow.platform.dispatch.DeliveryState;
import dev.ticketflow.platform.dispatch.DeliveryStore;
import dev.ticketflow.platform.dispatch.DueDelivery;
import dev.ticketflow.platform.dispatch.ManualDeliveryClock;
import dev.ticketflow.platform.dispatch.OpenDeliveries;
import dev.ticketflow.platform.dispatch.ReplayRequest;
import dev.ticketflow.platform.dispatch.ReplayResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The window of open deliveries held in memory: whatever the order in which the store's news and
 * its pages arrive, every open delivery is held exactly once, in id order, and never more than
 * the window's size at a time.
 */
class DeliveryWindowTest {

    private final FakeStore store = new FakeStore();
    private final List<Long> held = new ArrayList<>();
    private int inMemory;
    private final DeliveryWindow window = new DeliveryWindow("p", store, new ManualDeliveryClock(0),
            new DeliveryWindow.Holder() {
                @Override
                public void hold(DueDelivery delivery) {
                    held.add(delivery.id());
                    inMemory++;
                }

                @Override
                public int held() {
                    return inMemory;
                }

                @Override
                public boolean detached() {
                    return false;
                }
            }, 4, 2);

    @Test
    void aBacklogLargerThanTheWindowIsPagedInInIdOrderAsMemoryFreesUp() {
        LongStream.rangeClosed(1, 10).forEach(store::add);
        window.start();
        store.answer();
        assertThat(held).containsExactly(1L, 2L, 3L, 4L);
        assertThat(store.reads).isEmpty();

        release(1);
        assertThat(store.reads).as("no read until memory is down to the refill mark").isEmpty();
        release(1);
        store.answer();
        assertThat(held).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        release(2);
        store.answer();
        release(2);
        store.answer();
        assertThat(held).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        release(2);
        store.answer();

        window.offer(delivery(11));
        assertThat(held).as("caught up: news are taken live").endsWith(11L);
    }

    @Test
    void newsArrivingWhileAPageIsReadAreTakenOnceWhetherThePageSawThemOrNot() {
        store.add(1);
        store.add(2);
        window.start();
        store.add(3);
        window.offer(delivery(3));
        store.add(4);
        store.answerWithSnapshotUpTo(3);
        window.offer(delivery(4));
        assertThat(held).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void newsBeyondTheWindowStayInTheStoreUntilMemoryFreesUp() {
        window.start();
        store.answer();
        for (long id = 1; id <= 6; id++) {
            store.add(id);
            window.offer(delivery(id));
        }
        assertThat(held).containsExactly(1L, 2L, 3L, 4L);
        release(2);
        store.answer();
        assertThat(held).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        store.add(7);
        window.offer(delivery(7));
        assertThat(held).as("still paging until a read comes back complete").containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        release(2);
        store.answer();
        assertThat(held).endsWith(6L, 7L);
    }

    @Test
    void bulkNewsDuringAReadAreReadAgainRightAfter() {
        window.start();
        store.add(1);
        window.more();
        store.add(2);
        store.add(3);
        window.more();
        store.answerWithSnapshotUpTo(1);
        store.answer();
        assertThat(held).containsExactly(1L, 2L, 3L);
    }

    private void release(int count) {
        for (int i = 0; i < count; i++) {
            inMemory--;
            window.released();
        }
    }

    private static DueDelivery delivery(long id) {
        TicketEvent event = TicketEvent.of("ticket.created", "test", Ticket.withId("t" + id))
                .withIdAndTime("evt_" + id, Instant.EPOCH);
        return new DueDelivery(id, "p", event, 0, 0, 0, false);
    }

    /** Open deliveries of plugin p; reads are answered when the test says so. */
    private static final class FakeStore implements DeliveryStore {

        private final TreeMap<Long, DueDelivery> open = new TreeMap<>();
        final List<Read> reads = new ArrayList<>();

        record Read(long afterId, int limit, Promise<OpenDeliveries> answer) {}

        void add(long id) {
            open.put(id, delivery(id));
        }

        void answer() {
            answerWithSnapshotUpTo(Long.MAX_VALUE);
        }

        /** Answers the oldest read as a snapshot that saw the deliveries up to an id. */
        void answerWithSnapshotUpTo(long lastCommitted) {
            Read read = reads.remove(0);
            List<DueDelivery> page = open.tailMap(read.afterId(), false).headMap(lastCommitted, true).values()
                    .stream().limit(read.limit()).toList();
            long through = open.isEmpty() ? 0 : Math.min(open.lastKey(), lastCommitted);
            read.answer().complete(new OpenDeliveries(page, page.size() < read.limit(), through));
        }

        @Override
        public Future<OpenDeliveries> open(String pluginId, long afterId, int limit) {
            Promise<OpenDeliveries> answer = Promise.promise();
            reads.add(new Read(afterId, limit, answer));
            return answer.future();
        }

        @Override
        public void listen(DeliveryListener listener) {}

        @Override
        public Future<Void> recordFor(String pluginId, TicketEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Void> recordAttempt(long deliveryId, DeliveryState state, int attempts, Instant nextAttemptAt,
                String error) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<DeliveryPage> list(DeliveryQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Optional<Delivery>> find(long deliveryId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Delivery> retryDeadLetter(long deliveryId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<Integer> retryDeadLetters(String pluginId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Future<ReplayResult> replay(ReplayRequest request, Map<String, List<String>> targets) {
            throw new UnsupportedOperationException();
        }
    }
}
