package dev.ticketflow.platform.eventlog;

import static dev.ticketflow.platform.eventlog.SqliteEventLogTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.dispatch.Delivery;
import dev.ticketflow.platform.dispatch.DeliveryListener;
import dev.ticketflow.platform.dispatch.DeliveryPage;
import dev.ticketflow.platform.dispatch.DeliveryQuery;
import dev.ticketflow.platform.dispatch.DeliveryState;
import dev.ticketflow.platform.dispatch.DeliveryStore;
import dev.ticketflow.platform.dispatch.DueDelivery;
import dev.ticketflow.platform.dispatch.NotADeadLetterException;
import dev.ticketflow.platform.dispatch.OpenDeliveries;
import dev.ticketflow.platform.dispatch.ReplayRequest;
import dev.ticketflow.platform.dispatch.ReplayResult;
import dev.ticketflow.platform.dispatch.UnknownDeliveryException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Deliveries in the event log's SQLite file. */
@ExtendWith(VertxExtension.class)
class SqliteDeliveryStoreTest {

    @TempDir
    Path dataDir;

    private final AtomicLong now = new AtomicLong(Instant.parse("2025-03-01T09:00:00Z").toEpochMilli());
    private final List<DueDelivery> recorded = new CopyOnWriteArrayList<>();
    private final List<String> available = new CopyOnWriteArrayList<>();
    private SqliteEventLog log;
    private DeliveryStore store;

    private void open(Vertx vertx) throws Exception {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        };
        log = await(SqliteEventLog.open(vertx, dataDir, clock));
        store = log.deliveries();
        store.listen(new DeliveryListener() {
            @Override
            public void recorded(List<DueDelivery> deliveries) {
                recorded.addAll(deliveries);
            }

            @Override
            public void available(String pluginId) {
                available.add(pluginId);
            }
        });
    }

    @AfterEach
    void close() throws Exception {
        if (log != null) {
            await(log.close());
        }
    }

    @Test
    void anAppendRecordsOnePendingDeliveryPerSubscriberAndADuplicateRecordsNone(Vertx vertx) throws Exception {
        open(vertx);

        await(log.append(event("evt_1", "t1", "ticket.created"), "msg_1", List.of("a", "b")));
        await(log.append(event("evt_2", "t1", "ticket.created"), "msg_1", List.of("a", "b")));

        assertThat(recorded).extracting(DueDelivery::pluginId, d -> d.event().id(), DueDelivery::attempts)
                .containsExactly(tuple("a", "evt_1", 0),
                        tuple("b", "evt_1", 0));
        assertThat(all()).extracting(Delivery::pluginId, Delivery::state, Delivery::ticketId, Delivery::eventType)
                .containsExactly(tuple("b", DeliveryState.PENDING, "t1", "ticket.created"),
                        tuple("a", DeliveryState.PENDING, "t1", "ticket.created"));
    }

    @Test
    void openReadsAPluginsOpenDeliveriesInIdOrderWithTheirEventsUntilTheyAreSettled(Vertx vertx) throws Exception {
        open(vertx);
        for (int i = 1; i <= 3; i++) {
            await(log.append(event("evt_" + i, "t" + i, "ticket.created"), null, List.of("a", "b")));
        }
        long first = recorded.get(0).id();

        OpenDeliveries page = await(store.open("a", 0, 2));
        assertThat(page.deliveries()).extracting(d -> d.event().id()).containsExactly("evt_1", "evt_2");
        assertThat(page.complete()).isFalse();
        await(store.recordAttempt(first, DeliveryState.SUCCEEDED, 1, null, null));
        long retryAt = now.get() + 5_000;
        await(store.recordAttempt(recorded.get(2).id(), DeliveryState.RETRYING, 1, Instant.ofEpochMilli(retryAt),
                "down"));

        OpenDeliveries rest = await(store.open("a", 0, 10));
        assertThat(rest.deliveries()).extracting(d -> d.event().id(), DueDelivery::attempts, DueDelivery::nextAttemptAt)
                .containsExactly(tuple("evt_2", 1, retryAt),
                        tuple("evt_3", 0, now.get()));
        assertThat(rest.complete()).isTrue();
        assertThat(rest.through()).isEqualTo(recorded.get(recorded.size() - 1).id());
        assertThat(await(store.find(first))).get().satisfies(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.SUCCEEDED);
            assertThat(d.attempts()).isEqualTo(1);
        });
    }

    @Test
    void listingFiltersByStatePluginTicketAndEventAndPagesNewestFirst(Vertx vertx) throws Exception {
        open(vertx);
        for (int i = 1; i <= 5; i++) {
            await(log.append(event("evt_" + i, i <= 3 ? "t1" : "t2", "ticket.created"), null, List.of("a", "b")));
        }
        await(store.recordAttempt(recorded.get(0).id(), DeliveryState.DEAD, 8, null, "gave up"));

        DeliveryPage firstPage = await(store.list(query(null, "a", null, null, null, 2)));
        assertThat(firstPage.deliveries()).extracting(Delivery::eventId).containsExactly("evt_5", "evt_4");
        DeliveryPage secondPage = await(store.list(query(null, "a", null, null, firstPage.next(), 2)));
        assertThat(secondPage.deliveries()).extracting(Delivery::eventId).containsExactly("evt_3", "evt_2");
        DeliveryPage lastPage = await(store.list(query(null, "a", null, null, secondPage.next(), 2)));
        assertThat(lastPage.deliveries()).extracting(Delivery::eventId).containsExactly("evt_1");
        assertThat(lastPage.next()).isNull();

        assertThat(await(store.list(query(DeliveryState.DEAD, null, null, null, null, 10))).deliveries())
                .extracting(Delivery::pluginId, Delivery::eventId, Delivery::lastError)
                .containsExactly(tuple("a", "evt_1", "gave up"));
        assertThat(await(store.list(query(null, "b", "t2", null, null, 10))).deliveries())
                .extracting(Delivery::eventId).containsExactly("evt_5", "evt_4");
        assertThat(await(store.list(query(null, null, null, "evt_2", null, 10))).deliveries())
                .extracting(Delivery::pluginId).containsExactly("b", "a");
        assertThat(await(store.list(query(DeliveryState.PENDING, "a", "t1", null, null, 10))).deliveries())
                .extracting(Delivery::eventId).containsExactly("evt_3", "evt_2");
    }

    @Test
    void onlyAnUnretriedDeadLetterCanBeRetried(Vertx vertx) throws Exception {
        open(vertx);
        await(log.append(event("evt_1", "t1", "ticket.created"), null, List.of("a")));
        long id = recorded.get(0).id();

        assertThatThrownBy(() -> await(store.retryDeadLetter(id))).isInstanceOf(NotADeadLetterException.class)
                .hasMessageContaining("it is pending");
        assertThatThrownBy(() -> await(store.retryDeadLetter(999))).isInstanceOf(UnknownDeliveryException.class);
        await(store.recordAttempt(id, DeliveryState.DEAD, 8, null, "gave up"));
        Delivery retry = await(store.retryDeadLetter(id));

        assertThat(retry.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(retry.attemptBase()).isEqualTo(8);
        assertThat(retry.replay()).isTrue();
        assertThat(await(store.find(id))).get().extracting(Delivery::retriedBy).isEqualTo(retry.id());
        assertThat(available).containsExactly("a");
        assertThatThrownBy(() -> await(store.retryDeadLetter(id))).isInstanceOf(NotADeadLetterException.class)
                .hasMessageContaining("retried already by delivery " + retry.id());
    }

    @Test
    void aRefusedRetryFailsAloneWithoutCostingTheAppendsOfItsBatchTheirGroupCommit(Vertx vertx) throws Exception {
        open(vertx);
        Promise<List<Future<?>>> submitted = Promise.promise();
        List<Future<?>> writes;
        // another connection holds the write lock until everything is queued: one batch takes it all
        try (Connection blocker = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteEventLog.FILE_NAME));
                Statement lock = blocker.createStatement()) {
            lock.executeUpdate("BEGIN IMMEDIATE");
            vertx.getOrCreateContext().runOnContext(v -> {
                List<Future<?>> queued = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    queued.add(log.append(event("evt_" + i, "t" + i, "ticket.created"), null, List.of("a")));
                    if (i == 200) {
                        queued.add(store.retryDeadLetter(424242));
                    }
                }
                submitted.complete(queued);
            });
            writes = await(submitted.future());
            lock.executeUpdate("COMMIT");
        }
        await(Future.join(writes).otherwiseEmpty());

        assertThat(writes.get(201).cause()).isInstanceOf(UnknownDeliveryException.class);
        assertThat(writes.stream().filter(Future::failed)).hasSize(1);
        assertThat(all()).hasSize(100);
        assertThat(await(store.list(query(null, "a", null, null, null, 1000))).deliveries()).hasSize(400);
        assertThat(log.commits()).as("a refusal must not make its batch commit append by append").isLessThan(10);
    }

    @Test
    void aTimeRangeReplayRecordsDeliveriesOfTheEventsAcceptedInItToTheSubscribedTargets(Vertx vertx)
            throws Exception {
        open(vertx);
        Instant start = Instant.ofEpochMilli(now.get());
        for (String type : List.of("ticket.created", "ticket.solved", "ticket.created")) {
            await(log.append(event("evt_" + now.get(), "t1", type), null, List.of()));
            now.addAndGet(60_000);
        }

        ReplayResult result = await(store.replay(ReplayRequest.range(start.plusSeconds(30), start.plusSeconds(180)),
                Map.of("solver", List.of("ticket.solved"), "all", List.of("*"))));

        assertThat(result).isEqualTo(new ReplayResult(2, 3));
        assertThat(all()).extracting(Delivery::pluginId, Delivery::eventType, Delivery::replay, Delivery::attemptBase)
                .containsExactlyInAnyOrder(tuple("all", "ticket.solved", true, 1),
                        tuple("solver", "ticket.solved", true, 1),
                        tuple("all", "ticket.created", true, 1));
        assertThat(available).containsExactlyInAnyOrder("all", "solver");
        assertThat(await(store.replay(ReplayRequest.range(start.minusSeconds(600), start), Map.of("all",
                List.of("*"))))).isEqualTo(new ReplayResult(0, 0));
        assertThatThrownBy(() -> await(store.replay(ReplayRequest.event("evt_missing"), Map.of())))
                .isInstanceOf(UnknownDeliveryException.class).hasMessageContaining("evt_missing");
    }

    @Test
    void aVersionOneDatabaseIsMigratedKeepingItsEventsWhichCanBeReplayed(Vertx vertx) throws Exception {
        Files.createDirectories(dataDir);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteEventLog.FILE_NAME));
                Statement s = db.createStatement()) {
            s.executeUpdate(new String(getClass().getResourceAsStream(
                    "/db/migration/sqlite/V1__events_and_inbound_deliveries.sql").readAllBytes()));
            s.executeUpdate("PRAGMA user_version = 1");
            s.executeUpdate("INSERT INTO events (id, type, source, ticket_id, occurred_at, accepted_at, body)"
                    + " VALUES ('evt_old', 'ticket.created', 'test', 't1', 1, 1,"
                    + " '{\"id\":\"evt_old\",\"type\":\"ticket.created\",\"source\":\"test\",\"ticket\":{\"id\":\"t1\"}}')");
        }
        open(vertx);

        assertThat(await(store.replay(ReplayRequest.event("evt_old"), Map.of("a", List.of("ticket.*")))))
                .isEqualTo(new ReplayResult(1, 1));
        assertThat(await(store.open("a", 0, 10)).deliveries()).singleElement()
                .satisfies(d -> assertThat(d.event().ticketId()).isEqualTo("t1"));
    }

    private List<Delivery> all() throws Exception {
        return await(store.list(query(null, null, null, null, null, 100))).deliveries();
    }

    private static DeliveryQuery query(DeliveryState state, String plugin, String ticket, String event, Long before,
            int limit) {
        return new DeliveryQuery(state, false, plugin, ticket, event, before, limit);
    }

    private static TicketEvent event(String id, String ticketId, String type) {
        return TicketEvent.of(type, "test", Ticket.withId(ticketId)).withIdAndTime(id, Instant.parse("2025-01-02T03:04:05Z"));
    }
}
