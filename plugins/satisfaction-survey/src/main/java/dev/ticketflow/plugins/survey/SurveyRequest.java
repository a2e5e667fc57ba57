package dev.ticketflow.plugins.survey;

import dev.ticketflow.api.EventContext;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.HelpDesk;
import dev.ticketflow.api.port.KeyValueStore;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * Handles {@code survey.due}: asks the help desk to send its survey, by adding the survey tag
 * that a help-desk trigger turns into the survey mail, and records the request in an internal
 * note.
 *
 * <p>Never two surveys for one solve: a marker keyed by ticket and solve event moves through
 * {@code claimed} → {@code tagged} → {@code done}. It is claimed before the tag is added, so a
 * redelivered or replayed timer never adds the tag twice; a failed tag call releases the claim
 * so that the retry tries again; a failed note is retried without tagging again. The price is
 * that a crash in the instant between claim and tag loses that one survey, which is logged on
 * the next delivery: a missing survey is better than a duplicate.
 */
public final class SurveyRequest {

    static final String CLAIMED = "claimed";
    static final String TAGGED = "tagged";
    static final String DONE = "done";

    private final SurveySettings settings;

    public SurveyRequest(SurveySettings settings) {
        this.settings = settings;
    }

    /** The marker of one solve's survey. */
    public static String markerKey(TicketEvent due) {
        return "requested:" + due.source() + ":" + due.ticketId() + ":" + due.data().get("solveEventId");
    }

    public Future<Void> onDue(EventContext context) {
        TicketEvent due = context.event();
        String marker = markerKey(due);
        KeyValueStore store = context.store();
        return store.putIfAbsent(marker, CLAIMED).compose(claimed -> {
            if (claimed) {
                return tag(context, marker).compose(v -> note(context, marker));
            }
            return store.get(marker).compose(state -> resume(context, marker, state));
        });
    }

    private Future<Void> resume(EventContext context, String marker, String state) {
        if (TAGGED.equals(state)) {
            return note(context, marker);
        }
        if (CLAIMED.equals(state)) {
            context.log().warn("the survey for ticket {} was claimed but maybe never requested "
                    + "(the platform stopped mid-request); not requesting it twice", context.event().ticketId());
        }
        return Future.succeededFuture();
    }

    private Future<Void> tag(EventContext context, String marker) {
        KeyValueStore store = context.store();
        return context.helpDesk().addTags(settings.surveyTag())
                .recover(failure -> store.delete(marker).compose(v -> Future.<Void>failedFuture(failure)))
                .compose(v -> store.put(marker, TAGGED));
    }

    private Future<Void> note(EventContext context, String marker) {
        HelpDesk helpDesk = context.helpDesk();
        Object solvedAt = context.event().data().get("solvedAt");
        String note = "Ticketflow requested the customer satisfaction survey " + describe(settings.delay())
                + " after the ticket was solved (" + solvedAt + ") by adding the tag '"
                + settings.surveyTag() + "'; the help desk sends the survey.";
        return helpDesk.addInternalNote(note)
                .compose(v -> context.store().put(marker, DONE))
                .onSuccess(v -> context.log().info("survey requested for ticket {}", context.event().ticketId()));
    }

    private static String describe(Duration delay) {
        return delay.toSecondsPart() == 0 && delay.toMinutesPart() == 0
                ? delay.toHours() + " hours"
                : delay.toMinutes() + " minutes";
    }
}
