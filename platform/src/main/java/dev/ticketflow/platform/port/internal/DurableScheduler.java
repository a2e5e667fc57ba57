package dev.ticketflow.platform.port.internal;

import dev.ticketflow.api.event.EventTypes;
import dev.ticketflow.api.event.TicketEvent;
import dev.ticketflow.api.port.Scheduler;
import dev.ticketflow.api.port.TicketRef;
import dev.ticketflow.platform.timeline.TimelineEntry;
import dev.ticketflow.platform.timer.StoredTimer;
import dev.ticketflow.platform.timer.TimerService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * One plugin's {@link Scheduler} port on the platform's durable {@link TimerService}: timers
 * survive the plugin's stop and the platform's restart, and fire to this plugin only. Scheduling
 * and cancelling are recorded in the timeline of the timer's ticket.
 */
public final class DurableScheduler implements Scheduler {

    private final TimerService timers;
    private final String pluginId;
    private final List<String> subscriptions;
    private final PortRecorder recorder;
    private final TicketRef ticket;
    private final String eventId;

    /**
     * Creates the port.
     *
     * @param ticket the ticket being handled (where a cancel of an unknown key is recorded),
     *     {@code null} outside a delivery
     * @param eventId the event being handled, {@code null} outside a delivery
     */
    public DurableScheduler(TimerService timers, String pluginId, List<String> subscriptions, PortRecorder recorder,
            TicketRef ticket, String eventId) {
        this.timers = timers;
        this.pluginId = pluginId;
        this.subscriptions = List.copyOf(subscriptions);
        this.recorder = recorder;
        this.ticket = ticket;
        this.eventId = eventId;
    }

    /** The same port, for a delivery of an event about a ticket. */
    public DurableScheduler forEvent(TicketRef eventTicket, String handledEventId) {
        return new DurableScheduler(timers, pluginId, subscriptions, recorder, eventTicket, handledEventId);
    }

    @Override
    public Future<Void> schedule(String key, Instant at, TicketEvent event) {
        if (key == null || at == null || event == null) {
            return Future.failedFuture(new IllegalArgumentException("schedule needs a key, a time and an event"));
        }
        if (subscriptions.stream().noneMatch(pattern -> EventTypes.matches(pattern, event.type()))) {
            return Future.failedFuture(new IllegalArgumentException("plugin '" + pluginId + "' schedules a '"
                    + event.type() + "' event but does not subscribe to that type (plugin.subscriptions)"));
        }
        JsonObject detail = new JsonObject().put("key", key).put("dueAt", at.toString()).put("type", event.type());
        return timers.schedule(pluginId, key, at, event)
                .onSuccess(timer -> recorder.record(event.source(), event.ticketId(), eventId, "timer.schedule",
                        TimelineEntry.SUCCEEDED, "scheduled timer '" + key + "' for " + at + ": " + event.type(), null,
                        detail.copy().put("timerEventId", timer.event().id())))
                .onFailure(failure -> recorder.record(event.source(), event.ticketId(), eventId, "timer.schedule",
                        TimelineEntry.FAILED, "could not schedule timer '" + key + "'",
                        String.valueOf(failure.getMessage()), detail))
                .mapEmpty();
    }

    @Override
    public Future<Boolean> cancel(String key) {
        if (key == null) {
            return Future.succeededFuture(false);
        }
        return timers.cancel(pluginId, key)
                .andThen(done -> record(key, done.succeeded() ? done.result() : null,
                        done.failed() ? String.valueOf(done.cause().getMessage()) : null))
                .map(cancelled -> cancelled != null);
    }

    private void record(String key, StoredTimer cancelled, String error) {
        JsonObject detail = new JsonObject().put("key", key);
        if (error != null) {
            recordOnTicket(TimelineEntry.FAILED, "could not cancel timer '" + key + "'", error, detail);
        } else if (cancelled == null) {
            recordOnTicket(TimelineEntry.SUCCEEDED, "cancelled no timer: none named '" + key + "' was set", null,
                    detail);
        } else {
            TicketEvent event = cancelled.event();
            recorder.record(event.source(), event.ticketId(), eventId, "timer.cancel", TimelineEntry.SUCCEEDED,
                    "cancelled timer '" + key + "' (was due " + cancelled.dueAt() + ")", null,
                    detail.put("dueAt", cancelled.dueAt().toString()).put("type", event.type()));
        }
    }

    private void recordOnTicket(String outcome, String summary, String error, JsonObject detail) {
        if (ticket != null) {
            recorder.record(ticket.source(), ticket.ticketId(), eventId, "timer.cancel", outcome, summary, error,
                    detail);
        }
    }
}
