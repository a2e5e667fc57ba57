package dev.ticketflow.platform.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.config.CircuitBreakerPolicy;
import dev.ticketflow.platform.config.DeliveryPolicy;
import dev.ticketflow.platform.config.DeliverySettings;
import dev.ticketflow.platform.config.RetryPolicy;
import dev.ticketflow.platform.dispatch.FakePlugin.Seen;
import dev.ticketflow.platform.plugin.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives a restart, what a plugin started later gets, and what operators replay. */
class RestartAndReplayTest {

    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final DeliveryPolicy ONE_ATTEMPT = new DeliveryPolicy(RetryPolicy.noRetries(), CircuitBreakerPolicy.disabled());

    @TempDir
    Path base;

    private DispatchFixture platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void afterARestartPendingAndInFlightDeliveriesAreDeliveredInOrder() {
        platform = DispatchFixture.start(base, DeliverySettings.defaultsForAll(), Duration.ofSeconds(30));
        FakePlugin plugin = new FakePlugin("slow").register(platform.vertx).hangs();
        platform.attach("slow", "ticket.*");
        List<String> t1 = List.of(platform.accept("ticket.created", "t1"), platform.accept("ticket.updated", "t1"),
                platform.accept("ticket.solved", "t1"));
        List<String> t2 = List.of(platform.accept("ticket.created", "t2"), platform.accept("ticket.updated", "t2"));
        // the first event of each ticket is in flight (never answered), the others wait behind it
        Eventually.within(PATIENCE, () -> assertThat(plugin.seen()).extracting(Seen::eventId)
                .containsExactlyInAnyOrder(t1.get(0), t2.get(0)));

        platform.restart(Duration.ofMillis(100));
        plugin.succeeds();
        platform.attach("slow", "ticket.*");

        Eventually.within(PATIENCE, () -> {
            assertThat(plugin.eventsOf("t1")).containsExactly(t1.get(0), t1.get(0), t1.get(1), t1.get(2));
            assertThat(plugin.eventsOf("t2")).containsExactly(t2.get(0), t2.get(0), t2.get(1));
        });
        Eventually.within(PATIENCE, () -> assertThat(platform.deliveriesOf("slow")).hasSize(5)
                .allSatisfy(d -> assertThat(d.state()).isEqualTo(DeliveryState.SUCCEEDED)));
    }

    @Test
    void aStoppedPluginKeepsItsOpenDeliveriesButGetsNoEventsAcceptedWhileStopped() {
        platform = DispatchFixture.start(base, DeliverySettings.defaultsForAll(), Duration.ofSeconds(30));
        FakePlugin plugin = new FakePlugin("later").register(platform.vertx).hangs();
        platform.attach("later", "ticket.*");
        String before = platform.accept("ticket.created", "t1");
        String queued = platform.accept("ticket.updated", "t1");
        Eventually.within(PATIENCE, () -> assertThat(plugin.seen()).hasSize(1));

        platform.detach("later", Duration.ofMillis(50));
        String whileStopped = platform.accept("ticket.solved", "t1");
        plugin.succeeds();
        platform.attach("later", "ticket.*");

        Eventually.within(PATIENCE, () -> assertThat(plugin.eventsOf("t1")).containsExactly(before, before, queued));
        pause();
        assertThat(plugin.eventsOf("t1")).doesNotContain(whileStopped);
    }

    @Test
    void aPluginStartedForTheFirstTimeDoesNotReceiveOlderEvents() {
        platform = DispatchFixture.start(base, DeliverySettings.defaultsForAll(), Duration.ofSeconds(5));
        platform.accept("ticket.created", "t1");
        FakePlugin newcomer = new FakePlugin("newcomer").register(platform.vertx);
        platform.attach("newcomer", "ticket.*");
        String after = platform.accept("ticket.updated", "t1");

        Eventually.within(PATIENCE, () -> assertThat(newcomer.seen()).extracting(Seen::eventId).containsExactly(after));
        pause();
        assertThat(newcomer.seen()).hasSize(1);
    }

    @Test
    void anEventReplayedToOnePluginAfterItWasFixedReachesOnlyThatPluginMarkedAsReplay() {
        platform = DispatchFixture.start(base, DeliverySettings.of(ONE_ATTEMPT), Duration.ofSeconds(5));
        FakePlugin broken = new FakePlugin("broken").register(platform.vertx).fails();
        FakePlugin healthy = new FakePlugin("healthy").register(platform.vertx);
        platform.attach("broken", "ticket.*");
        platform.attach("healthy", "ticket.*");
        String id = platform.accept("ticket.created", "t1");
        Eventually.within(PATIENCE, () -> assertThat(platform.deliveriesOf("broken")).singleElement()
                .extracting(Delivery::state).isEqualTo(DeliveryState.DEAD));

        broken.succeeds();
        ReplayResult result = platform.store().replay(ReplayRequest.event(id),
                Map.of("broken", List.of("ticket.*"))).await();

        assertThat(result).isEqualTo(new ReplayResult(1, 1));
        Eventually.within(PATIENCE, () -> assertThat(broken.seen()).hasSize(2));
        assertThat(broken.seen().get(1)).isEqualTo(new Seen(id, "t1", 2, true));
        Eventually.within(PATIENCE, () -> assertThat(platform.deliveriesOf("broken")).extracting(Delivery::state)
                .containsExactly(DeliveryState.DEAD, DeliveryState.SUCCEEDED));
        assertThat(healthy.seen()).hasSize(1);
    }

    @Test
    void aRetriedDeadLetterIsDeliveredAgainWithAFreshSetOfAttempts() {
        platform = DispatchFixture.start(base, DeliverySettings.of(ONE_ATTEMPT), Duration.ofSeconds(5));
        FakePlugin plugin = new FakePlugin("p").register(platform.vertx).fails();
        platform.attach("p", "ticket.*");
        String first = platform.accept("ticket.created", "t1");
        String second = platform.accept("ticket.created", "t2");
        Eventually.within(PATIENCE, () -> assertThat(platform.deliveriesOf("p")).hasSize(2)
                .allSatisfy(d -> assertThat(d.deadLetter()).isTrue()));

        plugin.succeeds();
        assertThat(platform.store().retryDeadLetters("p").await()).isEqualTo(2);

        Eventually.within(PATIENCE, () -> assertThat(plugin.seen()).hasSize(4));
        assertThat(plugin.seen().subList(2, 4)).containsExactlyInAnyOrder(new Seen(first, "t1", 2, true),
                new Seen(second, "t2", 2, true));
        Eventually.within(PATIENCE, () -> assertThat(platform.deliveriesOf("p")).extracting(Delivery::state)
                .containsExactly(DeliveryState.DEAD, DeliveryState.DEAD, DeliveryState.SUCCEEDED,
                        DeliveryState.SUCCEEDED));
        assertThat(platform.store().list(new DeliveryQuery(null, true, "p", null, null, null, 10)).await()
                .deliveries()).as("retried dead letters are no longer dead letters").isEmpty();
    }

    @Test
    void aTimerEventIsRecordedForItsPluginOnlyAndDeliveredOnceEvenWhenFiredTwice() {
        platform = DispatchFixture.start(base, DeliverySettings.defaultsForAll(), Duration.ofSeconds(5));
        FakePlugin scheduler = new FakePlugin("scheduler").register(platform.vertx);
        FakePlugin bystander = new FakePlugin("bystander").register(platform.vertx);
        platform.attach("scheduler", "survey.*");
        platform.attach("bystander", "survey.*");
        TicketEvent due = TicketEvent.of("survey.due", "test:desk", Ticket.withId("t1"))
                .withIdAndTime("evt_timer_1", Instant.now());

        platform.dispatcher().deliverTo("scheduler", due).await();
        platform.dispatcher().deliverTo("scheduler", due).await();

        Eventually.within(PATIENCE, () -> assertThat(scheduler.seen()).extracting(Seen::eventId)
                .containsExactly("evt_timer_1"));
        ReplayResult replayedToAll = platform.store().replay(ReplayRequest.event("evt_timer_1"),
                platform.dispatcher().subscriptions()).await();
        assertThat(replayedToAll.deliveries()).as("a timer's event is replayed to its plugin only").isEqualTo(1);
        Eventually.within(PATIENCE, () -> assertThat(scheduler.seen()).hasSize(2));
        pause();
        assertThat(bystander.seen()).isEmpty();
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
