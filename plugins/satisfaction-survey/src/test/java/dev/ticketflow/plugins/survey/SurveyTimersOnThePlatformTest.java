package dev.ticketflow.plugins.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketflow.testkit.TestEvents;
import dev.ticketflow.testkit.TicketflowTestKit;
import dev.ticketflow.testkit.fakes.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The survey timer on the platform's durable timers, with the platform's clock moved by the
 * test: a day passes in milliseconds, and a restart keeps what was scheduled.
 */
class SurveyTimersOnThePlatformTest {

    private static final String REQUESTED = "ticketflow-survey-requested";

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));

    @RegisterExtension
    static TicketflowTestKit kit = TicketflowTestKit.forPlugin(Path.of("target/classes")).withClock(CLOCK);

    @Test
    void aSolvedTicketGetsItsSurveyRequestedADayLaterAndOnlyOnce() {
        kit.publish(TestEvents.solved("701"));

        CLOCK.advance(Duration.ofHours(23));
        assertThat(kit.fireDueTimers()).as("not due after 23 h").isZero();
        assertThat(kit.helpDesk().tagsAdded("701")).isEmpty();

        CLOCK.advance(Duration.ofHours(2));
        assertThat(kit.fireDueTimers()).isEqualTo(1);
        assertThat(kit.helpDesk().tagsAdded("701")).containsExactly(REQUESTED);
        assertThat(kit.helpDesk().internalNotes("701")).hasSize(1);

        CLOCK.advance(Duration.ofDays(2));
        assertThat(kit.fireDueTimers()).as("the timer fired once").isZero();
        assertThat(kit.helpDesk().tagsAdded("701")).containsExactly(REQUESTED);
    }

    @Test
    void aReopenBeforeTheSurveyWasDueCancelsIt() {
        kit.publish(TestEvents.solved("702"));
        CLOCK.advance(Duration.ofHours(3));
        kit.publish(TestEvents.reopened("702"));

        CLOCK.advance(Duration.ofDays(2));
        kit.fireDueTimers();

        assertThat(kit.helpDesk().commands()).isEmpty();
    }

    @Test
    void solvedReopenedAndSolvedAgainGivesOneSurvey() {
        kit.publish(TestEvents.solved("703"));
        CLOCK.advance(Duration.ofHours(1));
        kit.publish(TestEvents.reopened("703"));
        CLOCK.advance(Duration.ofHours(1));
        kit.publish(TestEvents.solved("703"));

        CLOCK.advance(Duration.ofHours(25));
        kit.fireDueTimers();

        assertThat(kit.helpDesk().tagsAdded("703")).containsExactly(REQUESTED);
    }

    @Test
    void aSurveyThatFellDueWhileThePlatformWasDownIsRequestedAfterTheRestart() {
        kit.publish(TestEvents.solved("704"));

        CLOCK.advance(Duration.ofHours(30));
        kit.restart();
        kit.fireDueTimers();

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (kit.helpDesk().tagsAdded("704").isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(kit.helpDesk().tagsAdded("704")).containsExactly(REQUESTED);
    }
}
