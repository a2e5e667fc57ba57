package dev.ticketflow.platform.port.internal;

import dev.ticketflow.api.port.TicketRef;
import dev.ticketflow.platform.timeline.Timeline;
import dev.ticketflow.platform.timeline.TimelineEntry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;

/**
 * Writes one plugin's port actions into the ticket timeline: what it did, would have done (dry
 * run) or could not do, and why. Actions outside any ticket (a mail from a route) have no
 * timeline and are not recorded.
 */
public final class PortRecorder {

    private final Timeline timeline;
    private final Clock clock;
    private final String pluginId;

    public PortRecorder(Timeline timeline, Clock clock, String pluginId) {
        this.timeline = timeline;
        this.clock = clock;
        this.pluginId = pluginId;
    }

    /**
     * Records a port call once it completed: its past-tense description when it succeeded, the
     * error when it failed. The outcome passes through unchanged.
     *
     * @param ticket the ticket acted on, {@code null} for none
     * @param eventId the event being handled, {@code null} outside a delivery
     * @param kind e.g. {@code helpdesk.add_tags}
     * @param action the action, able to describe itself
     * @param detail particulars such as the values
     * @param call the call's outcome
     * @return {@code call}
     */
    public <T> Future<T> track(TicketRef ticket, String eventId, String kind, PortAction action, JsonObject detail,
            Future<T> call) {
        return call.andThen(done -> {
            if (done.succeeded()) {
                record(ticket, eventId, kind, TimelineEntry.SUCCEEDED, action.done(), null, detail);
            } else {
                Throwable cause = done.cause();
                record(ticket, eventId, kind, TimelineEntry.FAILED, action.failed(),
                        cause.getMessage() != null ? cause.getMessage() : cause.toString(), detail);
            }
        });
    }

    /**
     * Records an action that dry run kept from being sent.
     *
     * @param ticket the ticket, {@code null} for none
     * @param eventId the event being handled, may be {@code null}
     * @param kind the action's kind
     * @param action the action
     * @param detail particulars
     */
    public void wouldHave(TicketRef ticket, String eventId, String kind, PortAction action, JsonObject detail) {
        record(ticket, eventId, kind, TimelineEntry.DRY_RUN, action.wouldHave(), null, detail);
    }

    /**
     * Records a finished action with its own summary.
     *
     * @param source the help-desk installation, may be {@code null}
     * @param ticketId the ticket, {@code null} for none
     */
    public void record(String source, String ticketId, String eventId, String kind, String outcome, String summary,
            String error, JsonObject detail) {
        if (ticketId == null) {
            return;
        }
        timeline.record(TimelineEntry.of(clock.instant(), source, ticketId, kind, pluginId, eventId, outcome,
                summary, error, detail));
    }

    private void record(TicketRef ticket, String eventId, String kind, String outcome, String summary, String error,
            JsonObject detail) {
        if (ticket != null) {
            record(ticket.source(), ticket.ticketId(), eventId, kind, outcome, summary, error, detail);
        }
    }
}
