package dev.ticketflow.platform.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.platform.config.CircuitBreakerPolicy;
import dev.ticketflow.platform.config.DeliveryPolicy;
import dev.ticketflow.platform.config.DeliverySettings;
import dev.ticketflow.platform.config.RetryPolicy;
import dev.ticketflow.platform.dispatch.internal.PluginDeliveries;
import dev.ticketflow.platform.plugin.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin that keeps failing is paused, for itself only, and resumes by itself. */
class CircuitBreakerTest {

    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final Duration COOL_DOWN = Duration.ofSeconds(30);

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
    void afterThreeFailuresInARowThePluginIsPausedThenOneTrialResumesItByItself() {
        DeliveryPolicy policy = new DeliveryPolicy(new RetryPolicy(10, List.of(Duration.ofSeconds(1)), 0),
                new CircuitBreakerPolicy(3, COOL_DOWN));
        platform = DispatchFixture.start(base, DeliverySettings.of(policy).withPlugin("other",
                policy.withCircuitBreaker(CircuitBreakerPolicy.disabled())), Duration.ofSeconds(5));
        FakePlugin broken = new FakePlugin("broken").register(platform.vertx).fails();
        FakePlugin other = new FakePlugin("other").register(platform.vertx);
        PluginDeliveries deliveries = platform.attach("broken", "ticket.*");
        platform.attach("other", "ticket.*");

        for (int i = 0; i < 5; i++) {
            platform.accept("ticket.created", "t" + i);
        }
        Eventually.within(PATIENCE, () -> assertThat(deliveries.circuit().state()).isEqualTo(CircuitStatus.OPEN));
        Eventually.within(PATIENCE, () -> assertThat(other.seen()).hasSize(5));
        assertThat(broken.seen()).as("the third failure opened the circuit; the other tickets wait").hasSize(3);
        assertThat(deliveries.circuit().consecutiveFailures()).isEqualTo(3);
        assertThat(deliveries.circuit().openUntil()).isNotNull();
        assertThat(platform.metrics.scrape()).contains("ticketflow_plugin_circuit_open{plugin=\"broken\"} 1.0");

        // the retries fall due, but the circuit holds them back (and attempts are not used up)
        platform.clock.advance(Duration.ofSeconds(2));
        String whilePaused = platform.accept("ticket.created", "t9");
        Eventually.within(PATIENCE, () -> assertThat(other.seen()).hasSize(6));
        pause();
        assertThat(broken.seen()).as("nothing is sent while the circuit is open").hasSize(3);

        broken.succeeds();
        platform.clock.advance(COOL_DOWN);

        // the trial, then the 2 other retries and the 3 first attempts that waited
        Eventually.within(PATIENCE, () -> assertThat(broken.seen()).hasSize(9));
        assertThat(broken.eventsOf("t9")).containsExactly(whilePaused);
        assertThat(deliveries.circuit()).isEqualTo(CircuitStatus.closed());
        assertThat(platform.metrics.scrape()).contains("ticketflow_plugin_circuit_open{plugin=\"broken\"} 0.0",
                "ticketflow_plugin_circuit_opened_total{plugin=\"broken\"} 1.0");
        Eventually.within(PATIENCE, () -> assertThat(platform.deliveriesOf("broken"))
                .allSatisfy(d -> assertThat(d.state()).isEqualTo(DeliveryState.SUCCEEDED)));
    }

    @Test
    void aFailedTrialPausesThePluginForAnotherCoolDown() {
        DeliveryPolicy policy = new DeliveryPolicy(new RetryPolicy(10, List.of(Duration.ofSeconds(1)), 0),
                new CircuitBreakerPolicy(2, COOL_DOWN));
        platform = DispatchFixture.start(base, DeliverySettings.of(policy), Duration.ofSeconds(5));
        FakePlugin broken = new FakePlugin("broken").register(platform.vertx).fails();
        PluginDeliveries deliveries = platform.attach("broken", "ticket.*");
        platform.accept("ticket.created", "t1");
        platform.accept("ticket.created", "t2");
        Eventually.within(PATIENCE, () -> assertThat(deliveries.circuit().state()).isEqualTo(CircuitStatus.OPEN));

        platform.clock.advance(COOL_DOWN);
        Eventually.within(PATIENCE, () -> assertThat(broken.seen()).hasSize(3));
        Eventually.within(PATIENCE, () -> assertThat(deliveries.circuit().state()).isEqualTo(CircuitStatus.OPEN));
        pause();
        assertThat(broken.seen()).as("one trial only").hasSize(3);

        broken.succeeds();
        platform.clock.advance(COOL_DOWN);
        Eventually.within(PATIENCE, () -> assertThat(platform.deliveriesOf("broken"))
                .allSatisfy(d -> assertThat(d.state()).isEqualTo(DeliveryState.SUCCEEDED)));
        assertThat(deliveries.circuit().state()).isEqualTo(CircuitStatus.CLOSED);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
