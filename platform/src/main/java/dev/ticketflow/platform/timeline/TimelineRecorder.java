package dev.ticketflow.platform.timeline;

import dev.ticketflow.api.Addresses;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.platform.dispatch.DeliveryOutcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Writes accepted events and delivery outcomes into the timeline. Port actions are recorded by
 * the ports themselves, where the plugin and the result are known.
 *
 * <p>An accepted event is recorded on its way from the intake to the dispatcher
 * ({@link #recordAccepted}), synchronously: its entry then precedes everything a plugin does
 * with it, which listening on {@link Addresses#EVENTS_ACCEPTED} could not promise. Delivery
 * outcomes come from {@link DeliveryOutcome#ADDRESS}, after the plugin's own port actions.
 */
public final class TimelineRecorder {

    private final Timeline timeline;
    private final Clock clock;
    private final MessageConsumer<DeliveryOutcome> outcomes;

    private TimelineRecorder(Vertx vertx, Timeline timeline, Clock clock) {
        this.timeline = timeline;
        this.clock = clock;
        this.outcomes = vertx.eventBus().consumer(DeliveryOutcome.ADDRESS, message -> onOutcome(message.body()));
    }

    /**
     * Starts listening for delivery outcomes.
     *
     * @return the recorder, once its consumer is registered
     */
    public static Future<TimelineRecorder> start(Vertx vertx, Timeline timeline, Clock clock) {
        TimelineRecorder recorder = new TimelineRecorder(vertx, timeline, clock);
        return recorder.outcomes.completion().map(registered -> recorder);
    }

    /**
     * Records an accepted event; the event log calls it right after the COMMIT that stored it
     * and before any delivery of it starts, so the event's entry precedes what plugins do with it.
     * Never blocks.
     *
     * @param event the accepted event
     */
    public void recordAccepted(TicketEvent event) {
        record(event);
    }

    /** Stops listening. */
    public Future<Void> close() {
        return outcomes.unregister();
    }

    private void record(TicketEvent event) {
        JsonObject detail = new JsonObject().put("type", event.type());
        if (event.occurredAt() != null) {
            detail.put("occurredAt", event.occurredAt().toString());
        }
        timeline.record(TimelineEntry.of(clock.instant(), event.source(), event.ticketId(),
                TimelineEntry.EVENT_ACCEPTED, null, event.id(), TimelineEntry.ACCEPTED,
                "accepted " + event.type() + " event " + event.id(), null, detail));
    }

    private void onOutcome(DeliveryOutcome outcome) {
        long millis = TimeUnit.NANOSECONDS.toMillis(outcome.nanos());
        String plugin = "plugin '" + outcome.pluginId() + "' ";
        // default branches: outcomes that durable delivery may add are recorded by name
        String result = switch (outcome.outcome()) {
            case SUCCEEDED -> TimelineEntry.SUCCEEDED;
            case FAILED -> TimelineEntry.FAILED;
            case TIMED_OUT -> TimelineEntry.TIMED_OUT;
            default -> outcome.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
        String summary = switch (outcome.outcome()) {
            case SUCCEEDED -> plugin + "handled event " + outcome.eventId();
            case FAILED -> plugin + "failed on event " + outcome.eventId();
            case TIMED_OUT -> plugin + "did not handle event " + outcome.eventId() + " in time";
            default -> plugin + "delivery of event " + outcome.eventId() + ": " + result;
        } + " (attempt " + outcome.attempt() + ", " + millis + " ms)";
        // the outcome names no source: the store takes the event's
        timeline.record(TimelineEntry.of(clock.instant(), null, outcome.ticketId(), TimelineEntry.DELIVERY,
                outcome.pluginId(), outcome.eventId(), result, summary, outcome.error(),
                new JsonObject().put("attempt", outcome.attempt()).put("durationMs", millis)));
    }
}
