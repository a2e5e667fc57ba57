package dev.ticketflow.platform.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ticketflow.platform.config.CircuitBreakerPolicy;
import dev.ticketflow.platform.config.DeliveryPolicy;
import dev.ticketflow.platform.config.DeliverySettings;
import dev.ticketflow.platform.config.RetryPolicy;
import dev.ticketflow.platform.dispatch.FakePlugin.Seen;
import dev.ticketflow.platform.plugin.Eventually;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries with backoff on a clock the test moves, dead letters, and the order they keep. */
class RetryAndDeadLetterTest {

    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final DeliveryPolicy POLICY = new DeliveryPolicy(
            new RetryPolicy(4, List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30)), 0),
            CircuitBreakerPolicy.disabled());

    @TempDir
    Path base;

    private DispatchFixture platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private DispatchFixture start() {
        platform = DispatchFixture.start(base, DeliverySettings.of(POLICY), Duration.ofSeconds(5));
        return platform;
    }

    @Test
    void aFailedDeliveryIsRetriedAfterEachBackoffDelayAndNotBefore() {
        start();
        FakePlugin plugin = new FakePlugin("flaky").register(platform.vertx)
                .behaves((event, attempt) -> attempt < 3 ? Future.failedFuture("down #" + attempt) : Future.succeededFuture());
        platform.attach("flaky", "ticket.*");

        String id = platform.accept("ticket.created", "t1");
        Eventually.within(PATIENCE, () -> assertThat(plugin.seen()).hasSize(1));
        Eventually.within(PATIENCE, () -> assertThat(platform.deliveriesOf("flaky")).singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo(DeliveryState.RETRYING)));
        assertThat(platform.clock.nextDue()).isEqualTo(Duration.ofSeconds(5));

        platform.clock.advance(Duration.ofMillis(4_999));
        pause();
        assertThat(plugin.seen()).as("nothing before the 5 s backoff passed").hasSize(1);
        platform.clock.advance(Duration.ofMillis(1));
        Eventually.within(PATIENCE, () -> assertThat(plugin.seen()).hasSize(2));
        Eventually.within(PATIENCE, () -> assertThat(platform.clock.nextDue()).isEqualTo(Duration.ofMinutes(5)));
        platform.clock.advance(Duration.ofMinutes(5));

        Eventually.within(PATIENCE, () -> assertThat(platform.deliveriesOf("flaky")).singleElement().satisfies(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.SUCCEEDED);
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.eventId()).isEqualTo(id);
        }));
        assertThat(plugin.seen()).extracting(Seen::attempt).containsExactly(1, 2, 3);
        assertThat(platform.outcomesOf("flaky")).extracting(DeliveryOutcome::attempt, DeliveryOutcome::state)
                .containsExactly(
                        tuple(1, DeliveryState.RETRYING), tuple(2, DeliveryState.RETRYING),
                        tuple(3, DeliveryState.SUCCEEDED));
        assertThat(platform.metrics.scrape()).contains("ticketflow_plugin_delivery_retries_total{plugin=\"flaky\"} 2.0");
    }

    @Test
    void afterTheLastAttemptTheDeliveryIsADeadLetterAndTheTicketsNextEventGoesOut() {
        start();
        FakePlugin plugin = new FakePlugin("picky").register(platform.vertx)
                .behaves((event, attempt) -> event.type().equals("ticket.created")
                        ? Future.failedFuture("cannot handle " + event.id()) : Future.succeededFuture());
        platform.attach("picky", "ticket.*");

        String bad = platform.accept("ticket.created", "t1");
        String next = platform.accept("ticket.updated", "t1");
        for (Duration wait : List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30))) {
            Eventually.within(PATIENCE, () -> assertThat(platform.clock.nextDue()).isNotNull());
            assertThat(plugin.eventsOf("t1")).as("the ticket's next event waits behind the retry").doesNotContain(next);
            platform.clock.advance(wait);
        }

        Eventually.within(PATIENCE, () -> assertThat(plugin.eventsOf("t1")).endsWith(next));
        Eventually.within(PATIENCE, () -> assertThat(platform.deliveriesOf("picky")).satisfiesExactly(
                dead -> {
                    assertThat(dead.eventId()).isEqualTo(bad);
                    assertThat(dead.state()).isEqualTo(DeliveryState.DEAD);
                    assertThat(dead.deadLetter()).isTrue();
                    assertThat(dead.attempts()).isEqualTo(4);
                    assertThat(dead.lastError()).contains("cannot handle " + bad);
                },
                after -> assertThat(after.state()).isEqualTo(DeliveryState.SUCCEEDED)));
        DeliveryPage deadLetters = platform.store().list(new DeliveryQuery(null, true, "picky", null, null, null, 10))
                .await();
        assertThat(deadLetters.deliveries()).extracting(Delivery::eventId).containsExactly(bad);
        assertThat(platform.outcomesOf("picky")).filteredOn(o -> o.eventId().equals(bad))
                .last().extracting(DeliveryOutcome::state).isEqualTo(DeliveryState.DEAD);
    }

    @Test
    void aTicketsLaterEventsWaitBehindItsRetryWhileOtherTicketsGoOn() {
        start();
        Set<String> failOnce = ConcurrentHashMap.newKeySet();
        FakePlugin plugin = new FakePlugin("ordered").register(platform.vertx)
                .behaves((event, attempt) -> failOnce.remove(event.ticketId() + "/" + event.type())
                        ? Future.failedFuture("once") : Future.succeededFuture());
        failOnce.add("t1/ticket.created");
        platform.attach("ordered", "ticket.*");

        String first = platform.accept("ticket.created", "t1");
        String second = platform.accept("ticket.updated", "t1");
        String third = platform.accept("ticket.solved", "t1");
        String other = platform.accept("ticket.created", "t2");

        Eventually.within(PATIENCE, () -> assertThat(plugin.eventsOf("t2")).containsExactly(other));
        assertThat(plugin.eventsOf("t1")).containsExactly(first);
        platform.clock.advance(Duration.ofSeconds(5));

        Eventually.within(PATIENCE, () -> assertThat(plugin.eventsOf("t1")).containsExactly(first, first, second, third));
        assertThat(plugin.seen()).filteredOn(s -> s.eventId().equals(first)).extracting(Seen::attempt)
                .containsExactly(1, 2);
    }

    @Test
    void onePluginFailingOrHangingNeverDelaysAnother() {
        platform = DispatchFixture.start(base, DeliverySettings.of(POLICY), Duration.ofMillis(800));
        FakePlugin healthy = new FakePlugin("healthy").register(platform.vertx);
        new FakePlugin("failing").register(platform.vertx).fails();
        new FakePlugin("hanging").register(platform.vertx).hangs();
        platform.attach("healthy", "ticket.*");
        platform.attach("failing", "ticket.*");
        platform.attach("hanging", "ticket.*");

        List<String> accepted = new ArrayList<>();
        Map<String, List<String>> byTicket = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            String ticket = "t" + (i % 3);
            String id = platform.accept("ticket.updated", ticket);
            accepted.add(id);
            byTicket.computeIfAbsent(ticket, t -> new ArrayList<>()).add(id);
        }

        Eventually.within(PATIENCE, () -> assertThat(healthy.seen()).extracting(Seen::eventId)
                .containsExactlyInAnyOrderElementsOf(accepted));
        // the hanging plugin's first attempts (one per ticket) are still waiting for their time-out
        assertThat(platform.deliveries("hanging").failed()).isZero();
        byTicket.forEach((ticket, ids) -> assertThat(healthy.eventsOf(ticket)).containsExactlyElementsOf(ids));
        Eventually.within(PATIENCE, () -> assertThat(platform.deliveriesOf("failing"))
                .filteredOn(d -> d.state() == DeliveryState.RETRYING).hasSize(3));
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
