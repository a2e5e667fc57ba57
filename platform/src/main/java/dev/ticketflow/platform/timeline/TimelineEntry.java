package dev.ticketflow.platform.timeline;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One thing that happened to a ticket: an event accepted, a delivery to a plugin and how it
 * ended, or a port action a plugin took (with its result, its error, or "would have" in dry run).
 *
 * @param seq the entry's position in the timeline, increasing with time of recording; 0 until
 *     stored
 * @param at when it happened
 * @param source the help-desk installation, {@code null} when unknown (the store then looks it up
 *     by event id where it can)
 * @param ticketId the ticket
 * @param kind what happened: {@code event.accepted}, {@code delivery}, or the port action such as
 *     {@code helpdesk.add_tags}, {@code mail.send}, {@code event.emit}, {@code timer.fire}
 * @param pluginId the plugin that acted or was delivered to, {@code null} for accepted events
 * @param eventId the event concerned (the accepted one, the delivered one, or the one being
 *     handled when a port action was taken)
 * @param outcome how it ended: {@code accepted}, {@code succeeded}, {@code failed},
 *     {@code timed-out} or {@code dry-run}
 * @param summary one sentence for an operator, e.g. "would have added tags [feedback]"
 * @param error the failure message, {@code null} unless it failed
 * @param detail structured particulars (values, attempt, duration), may be {@code null}
 */
public record TimelineEntry(
        long seq,
        Instant at,
        String source,
        String ticketId,
        String kind,
        String pluginId,
        String eventId,
        String outcome,
        String summary,
        String error,
        JsonObject detail) {

    public static final String EVENT_ACCEPTED = "event.accepted";
    public static final String DELIVERY = "delivery";

    public static final String ACCEPTED = "accepted";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String TIMED_OUT = "timed-out";
    public static final String DRY_RUN = "dry-run";

    /** An entry not stored yet. */
    public static TimelineEntry of(Instant at, String source, String ticketId, String kind, String pluginId,
            String eventId, String outcome, String summary, String error, JsonObject detail) {
        return new TimelineEntry(0, at, source, ticketId, kind, pluginId, eventId, outcome, summary, error, detail);
    }

    /** The entry as the admin API shows it. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("seq", seq)
                .put("at", at.toString())
                .put("source", source == null || source.isEmpty() ? null : source)
                .put("ticketId", ticketId)
                .put("kind", kind)
                .put("plugin", pluginId)
                .put("eventId", eventId)
                .put("outcome", outcome)
                .put("summary", summary)
                .put("error", error)
                .put("detail", detail == null ? new JsonObject() : detail);
    }
}
