package dev.ticketflow.plugins.survey;

import dev.ticketflow.api.EventContext;
import dev.ticketflow.api.event.TicketEvent;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Keeps one survey timer per ticket: {@code ticket.solved} (re)schedules it, {@code ticket.reopened}
 * cancels it. The key names the ticket, so solving again replaces the timer instead of adding one.
 *
 * <p>The timer counts from the moment of the solve as the event says, so a delivery that was
 * retried or delayed still asks for the survey 24 hours after the solve; the clock is only the
 * fallback for an event without a time.
 */
public final class SurveyTimers {

    /** The type of the event the timer delivers back to this plugin. */
    public static final String SURVEY_DUE = "survey.due";

    private final SurveySettings settings;
    private final Clock clock;

    public SurveyTimers(SurveySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The timer key of a ticket: {@code survey:<source>:<ticket>}. */
    public static String timerKey(TicketEvent event) {
        return "survey:" + event.source() + ":" + event.ticketId();
    }

    public Future<Void> onSolved(EventContext context) {
        TicketEvent solved = context.event();
        Instant solvedAt = solved.occurredAt() != null ? solved.occurredAt() : clock.instant();
        // the solve event's id makes each solve's survey distinct (see SurveyRequest)
        String solveId = solved.id() != null ? solved.id() : solvedAt.toString();
        Instant due = solvedAt.plus(settings.delay());
        TicketEvent surveyDue = solved.derive(SURVEY_DUE,
                Map.of("solveEventId", solveId, "solvedAt", solvedAt.toString()));
        return context.schedule().schedule(timerKey(solved), due, surveyDue)
                .onSuccess(v -> context.log().info("survey for ticket {} due at {}", solved.ticketId(), due));
    }

    public Future<Void> onReopened(EventContext context) {
        return context.schedule().cancel(timerKey(context.event()))
                .onSuccess(cancelled -> {
                    if (cancelled) {
                        context.log().info("ticket {} reopened: survey cancelled", context.event().ticketId());
                    }
                })
                .mapEmpty();
    }
}
