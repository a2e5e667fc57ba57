package dev.ticketflow.platform.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.platform.MutableClock;
import dev.ticketflow.platform.plugin.testplugins.TimerPlugin;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule() port: durable timers on an injected clock, so "24 hours later" takes no time. */
class DurableTimersTest {

    private static final Duration DAY = Duration.ofHours(24);

    @TempDir
    Path base;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-04T09:00:00Z"));
    private PluginHostFixture platform;

    @BeforeEach
    void surveyPlugin() {
        PluginJar.plugin("survey").extension(TimerPlugin.class).subscriptions("ticket.*,test.*")
                .writeTo(PluginHostFixture.pluginsDir(base));
    }

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aTimerFiresOnceWhenTheClockReachesItsDueTimeAndNotBefore() {
        platform = start();
        String solved = platform.accept("ticket.solved", "7");
        awaitRecords("scheduled " + solved);

        clock.advance(DAY.minusSeconds(1));
        assertThat(fireDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(fireDue()).isEqualTo(1);

        Eventually.within(PluginHostFixture.PATIENCE, () -> assertThat(platform.records("survey"))
                .hasSize(2).last().asString().startsWith("due 7 " + solved + " evt_"));
        clock.advance(DAY);
        assertThat(fireDue()).isZero();
        assertThat(platform.records("survey")).hasSize(2);
    }

    @Test
    void aCancelledTimerNeverFires() {
        platform = start();
        String solved = platform.accept("ticket.solved", "7");
        awaitRecords("scheduled " + solved);
        platform.accept("ticket.reopened", "7");
        awaitRecords("scheduled " + solved, "cancelled true");

        clock.advance(DAY.multipliedBy(3));

        assertThat(fireDue()).isZero();
        platform.accept("ticket.reopened", "7");
        awaitRecords("scheduled " + solved, "cancelled true", "cancelled false");
    }

    @Test
    void schedulingTheSameKeyAgainReplacesTheTimer() {
        platform = start();
        String first = platform.accept("ticket.solved", "7");
        awaitRecords("scheduled " + first);
        clock.advance(Duration.ofHours(1));
        String second = platform.accept("ticket.solved", "7");
        awaitRecords("scheduled " + first, "scheduled " + second);

        clock.advance(DAY.minusHours(1).plusMinutes(1));
        assertThat(fireDue()).as("the first solve's due time passed, but it was replaced").isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(fireDue()).isEqualTo(1);

        Eventually.within(PluginHostFixture.PATIENCE, () -> assertThat(platform.records("survey"))
                .hasSize(3).last().asString().startsWith("due 7 " + second + " "));
    }

    @Test
    void aTimerThatFellDueWhileThePlatformWasDownFiresAfterTheRestart() {
        platform = start();
        String solved = platform.accept("ticket.solved", "7");
        awaitRecords("scheduled " + solved);
        platform.close();
        platform = null;

        clock.advance(DAY.multipliedBy(2));
        platform = start();

        // no fireDue(): starting is enough
        Eventually.within(PluginHostFixture.PATIENCE, () -> assertThat(platform.records("survey"))
                .singleElement().asString().startsWith("due 7 " + solved + " "));
        assertThat(fireDue()).isZero();
    }

    @Test
    void aDueTimerOfAStoppedPluginWaitsUntilThePluginIsStartedAgain() {
        platform = start();
        String solved = platform.accept("ticket.solved", "7");
        awaitRecords("scheduled " + solved);
        platform.server.plugins().disable("survey").await();
        clock.advance(DAY);

        assertThat(fireDue()).isZero();
        platform.server.plugins().enable("survey").await();

        Eventually.within(PluginHostFixture.PATIENCE, () -> assertThat(platform.records("survey"))
                .hasSize(2).last().asString().startsWith("due 7 " + solved + " "));
    }

    @Test
    void schedulingAndFiringAreRecordedInTheTicketsTimeline() {
        platform = start();
        String solved = platform.accept("ticket.solved", "7");
        awaitRecords("scheduled " + solved);
        clock.advance(DAY);
        fireDue();
        Eventually.within(PluginHostFixture.PATIENCE, () -> assertThat(platform.records("survey")).hasSize(2));

        Eventually.within(PluginHostFixture.PATIENCE, () -> {
            List<JsonObject> timeline = platform.timeline("7");
            assertThat(timeline).extracting(entry -> entry.getString("kind"))
                    .containsSubsequence("event.accepted", "timer.schedule", "timer.fire", "delivery");
            JsonObject scheduled = kind(timeline, "timer.schedule");
            assertThat(scheduled.getString("plugin")).isEqualTo("survey");
            assertThat(scheduled.getString("eventId")).isEqualTo(solved);
            assertThat(scheduled.getString("summary")).isEqualTo(
                    "scheduled timer 'due:7' for 2025-03-05T09:00:00Z: test.due");
            assertThat(kind(timeline, "timer.fire").getString("outcome")).isEqualTo("succeeded");
            assertThat(timeline).filteredOn(entry -> entry.getString("kind").equals("delivery"))
                    .extracting(entry -> entry.getString("source")).containsOnly("test:desk");
        });
    }

    private static JsonObject kind(List<JsonObject> timeline, String kind) {
        return timeline.stream().filter(entry -> entry.getString("kind").equals(kind)).findFirst().orElseThrow();
    }

    private PluginHostFixture start() {
        return PluginHostFixture.start(base, UnaryOperator.identity(), clock);
    }

    private int fireDue() {
        return platform.server.timers().fireDue().await();
    }

    private void awaitRecords(String... expected) {
        Eventually.within(PluginHostFixture.PATIENCE, () ->
                assertThat(platform.records("survey")).containsExactly(expected));
    }
}
