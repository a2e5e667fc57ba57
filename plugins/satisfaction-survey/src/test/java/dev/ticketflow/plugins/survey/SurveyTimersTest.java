package dev.ticketflow.plugins.survey;

import static dev.ticketflow.plugins.survey.TicketEvents.reopened;
import static dev.ticketflow.plugins.survey.TicketEvents.solved;
import static dev.ticketflow.plugins.survey.TicketEvents.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketflow.api.PortCallException;
import dev.ticketflow.api.event.Ticket;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.testkit.fakes.FakePluginContext;
import dev.ticketflow.testkit.fakes.MutableClock;
import dev.ticketflow.testkit.fakes.RecordingMail;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The survey timer on a clock the test moves: no test here waits for real time. */
class SurveyTimersTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final String SURVEY = "addTags ticketflow-survey-requested";

    private final MutableClock clock = new MutableClock(START);
    private FakePluginContext plugin = started(new JsonObject());
    private final Ticket ticket = ticket("7");

    private FakePluginContext started(JsonObject config) {
        FakePluginContext context = FakePluginContext.builder("satisfaction-survey").config(config).clock(clock).mail(new RecordingMail()).build();
        new SatisfactionSurveyPlugin(clock).register(context);
        return context;
    }

    private void deliver(TicketEvent event) {
        plugin.deliver(event).await();
    }

    private Instant now() {
        return clock.instant();
    }

    @Test
    void theSurveyIsRequested24HoursAfterTheSolve() {
        deliver(solved("e1", now(), ticket));

        plugin.scheduler().advance(Duration.ofHours(24).minusMinutes(1));
        assertThat(plugin.helpDesks().calls()).isEmpty();

        plugin.scheduler().advance(Duration.ofMinutes(1));
        assertThat(plugin.helpDesks().lines()).hasSize(2).first().isEqualTo(SURVEY);
        assertThat(plugin.helpDesks().calls("addInternalNote")).singleElement()
                .satisfies(note -> assertThat(note.values().get(0))
                        .contains("24 hours after the ticket was solved (2026-03-02T09:00:00Z)")
                        .contains("ticketflow-survey-requested"));
    }

    @Test
    void theTimerIsKeyedBySourceAndTicket() {
        deliver(solved("e1", now(), ticket));

        assertThat(plugin.scheduler().pending()).containsOnlyKeys("survey:zendesk:acme:7");
        assertThat(plugin.scheduler().pending().get("survey:zendesk:acme:7").event().type()).isEqualTo("survey.due");
    }

    @Test
    void aReopenBeforeTheSurveyCancelsIt() {
        deliver(solved("e1", now(), ticket));
        plugin.scheduler().advance(Duration.ofHours(3));
        deliver(reopened("e2", now(), ticket));

        plugin.scheduler().advance(Duration.ofDays(3));

        assertThat(plugin.helpDesks().calls()).isEmpty();
        assertThat(plugin.scheduler().pending()).isEmpty();
    }

    @Test
    void solvedReopenedAndSolvedAgainRequestsOneSurveyADayAfterTheLastSolve() {
        deliver(solved("e1", now(), ticket));
        plugin.scheduler().advance(Duration.ofHours(1));
        deliver(reopened("e2", now(), ticket));
        plugin.scheduler().advance(Duration.ofHours(1));
        deliver(solved("e3", now(), ticket));

        plugin.scheduler().advance(Duration.ofHours(23));
        assertThat(plugin.helpDesks().calls()).isEmpty();

        plugin.scheduler().advance(Duration.ofDays(3));
        assertThat(plugin.helpDesks().lines()).filteredOn(SURVEY::equals).hasSize(1);
    }

    @Test
    void aSolveDeliveredTwiceRequestsOneSurvey() {
        TicketEvent solve = solved("e1", now(), ticket);
        deliver(solve);
        plugin.scheduler().advance(Duration.ofHours(2));
        deliver(solve);

        plugin.scheduler().advance(Duration.ofDays(2));

        assertThat(plugin.helpDesks().lines()).filteredOn(SURVEY::equals).hasSize(1);
    }

    @Test
    void aSolveReplayedAfterTheSurveyWasRequestedRequestsNoSecondOne() {
        TicketEvent solve = solved("e1", now(), ticket);
        deliver(solve);
        plugin.scheduler().advance(Duration.ofDays(2));

        // a replay of an old event: its timer is already due and fires at once
        deliver(solve);
        plugin.scheduler().advance(Duration.ofSeconds(1));

        assertThat(plugin.helpDesks().lines()).filteredOn(SURVEY::equals).hasSize(1);
        assertThat(plugin.helpDesks().calls("addInternalNote")).hasSize(1);
    }

    @Test
    void eachSolveGetsItsOwnSurvey() {
        deliver(solved("e1", now(), ticket));
        plugin.scheduler().advance(Duration.ofDays(2));
        deliver(reopened("e2", now(), ticket));
        deliver(solved("e3", now(), ticket));
        plugin.scheduler().advance(Duration.ofDays(2));

        assertThat(plugin.helpDesks().lines()).filteredOn(SURVEY::equals).hasSize(2);
    }

    @Test
    void theDelayIsConfigurable() {
        plugin = started(new JsonObject().put("delay", "PT2H").put("surveyTag", "send_csat"));
        deliver(solved("e1", now(), ticket));

        plugin.scheduler().advance(Duration.ofHours(2));

        assertThat(plugin.helpDesks().lines()).first().isEqualTo("addTags send_csat");
        assertThat(plugin.helpDesks().calls("addInternalNote").get(0).values().get(0)).contains("2 hours after");
    }

    @Test
    void theTimerCountsFromTheSolveEvenWhenTheEventArrivesLate() {
        Instant solvedAt = now();
        plugin.scheduler().advance(Duration.ofHours(5));
        deliver(solved("e1", solvedAt, ticket));

        assertThat(plugin.scheduler().pending().get("survey:zendesk:acme:7").at())
                .isEqualTo(solvedAt.plus(Duration.ofHours(24)));
    }

    @Test
    void theClockTellsTheTimeWhenTheSolveHasNone() {
        plugin.scheduler().advance(Duration.ofHours(5));
        deliver(solved("e1", null, ticket));

        assertThat(plugin.scheduler().pending().get("survey:zendesk:acme:7").at())
                .isEqualTo(START.plus(Duration.ofHours(29)));
    }

    @Test
    void aFailedTagReleasesTheClaimSoTheRetryRequestsTheSurvey() {
        deliver(solved("e1", now(), ticket));
        TicketEvent due = plugin.scheduler().pending().get("survey:zendesk:acme:7").event()
                .withIdAndTime("timer-1", now());
        plugin.helpDesks().failNext("addTags");

        assertThatThrownBy(() -> plugin.deliver(due).await()).isInstanceOf(PortCallException.class);
        deliver(due);

        assertThat(plugin.helpDesks().lines()).filteredOn(SURVEY::equals).hasSize(1);
        assertThat(plugin.helpDesks().calls("addInternalNote")).hasSize(1);
    }

    @Test
    void aFailedNoteIsRetriedWithoutTaggingAgain() {
        deliver(solved("e1", now(), ticket));
        TicketEvent due = plugin.scheduler().pending().get("survey:zendesk:acme:7").event()
                .withIdAndTime("timer-1", now());
        plugin.helpDesks().failNext("addInternalNote");

        assertThatThrownBy(() -> plugin.deliver(due).await()).isInstanceOf(PortCallException.class);
        deliver(due);
        deliver(due);

        assertThat(plugin.helpDesks().lines()).filteredOn(SURVEY::equals).hasSize(1);
        assertThat(plugin.helpDesks().calls("addInternalNote")).hasSize(1);
    }

    @Test
    void aRequestInterruptedAfterItsClaimIsNotRepeated() {
        deliver(solved("e1", now(), ticket));
        TicketEvent due = plugin.scheduler().pending().get("survey:zendesk:acme:7").event()
                .withIdAndTime("timer-1", now());
        plugin.store().seed(SurveyRequest.markerKey(due), SurveyRequest.CLAIMED);

        deliver(due);

        assertThat(plugin.helpDesks().calls()).isEmpty();
        assertThat(plugin.log().lines()).anyMatch(line -> line.startsWith("WARN") && line.contains("ticket 7"));
    }
}
