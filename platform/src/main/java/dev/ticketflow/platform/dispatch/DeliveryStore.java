package dev.ticketflow.platform.dispatch;

import dev.ticketflow.api.event.TicketEvent;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where deliveries of events to plugins are recorded, so that none is lost across a crash.
 * The event log records the deliveries of an accepted event together with the event (see
 * {@code EventLog.append}); this interface is the rest: reading what is still open, recording
 * attempts, and what operators do (list, retry dead letters, replay).
 *
 * <p>Writes are ordered: two writes complete in the order they were asked for, and
 * {@link DeliveryListener} hears of new deliveries in that order too. No method blocks the
 * caller; futures complete on the caller's context.
 */
public interface DeliveryStore {

    /**
     * Sets the one listener told about new deliveries (replacing any earlier one).
     *
     * @param listener the listener
     */
    void listen(DeliveryListener listener);

    /**
     * Reads open (pending or retrying) deliveries of a plugin, in id order, with their events.
     *
     * @param pluginId the plugin
     * @param afterId only deliveries with a larger id
     * @param limit the most to read
     * @return the page
     */
    Future<OpenDeliveries> open(String pluginId, long afterId, int limit);

    /**
     * Records an event for one plugin only (a timer it set fired) and its delivery. Recording the
     * same event for the same plugin again changes nothing, so a timer may fire twice safely.
     *
     * @param pluginId the plugin
     * @param event the event, id set
     * @return completes once event and delivery are on disk
     */
    Future<Void> recordFor(String pluginId, TicketEvent event);

    /**
     * Records the result of an attempt.
     *
     * @param deliveryId the delivery
     * @param state {@link DeliveryState#SUCCEEDED}, {@link DeliveryState#RETRYING} or
     *     {@link DeliveryState#DEAD}
     * @param attempts attempts made so far, this one included
     * @param nextAttemptAt for {@code RETRYING}, when the next attempt is due; else ignored
     * @param error the failure, {@code null} on success
     * @return completes once on disk
     */
    Future<Void> recordAttempt(long deliveryId, DeliveryState state, int attempts, Instant nextAttemptAt,
            String error);

    /**
     * Lists deliveries, newest first.
     *
     * @param query the filters and page
     * @return the page
     */
    Future<DeliveryPage> list(DeliveryQuery query);

    /**
     * Reads one delivery.
     *
     * @param deliveryId the delivery
     * @return it, or empty when unknown
     */
    Future<Optional<Delivery>> find(long deliveryId);

    /**
     * Retries a dead letter: records a new delivery of the same event to the same plugin, behind
     * the ticket's deliveries already waiting, with a fresh set of attempts.
     *
     * @param deliveryId the dead letter
     * @return the new delivery; fails with {@link UnknownDeliveryException} or
     *     {@link NotADeadLetterException}
     */
    Future<Delivery> retryDeadLetter(long deliveryId);

    /**
     * Retries every dead letter of a plugin, oldest first.
     *
     * @param pluginId the plugin
     * @return how many were retried
     */
    Future<Integer> retryDeadLetters(String pluginId);

    /**
     * Records new deliveries of stored events. An event meant for one plugin only (a fired
     * timer) is replayed to that plugin only.
     *
     * @param request which events
     * @param targets the plugins to deliver to, each with its subscription patterns; an event
     *     goes to those whose patterns match its type
     * @return what was recorded; fails with {@link UnknownDeliveryException} for an unknown
     *     event id
     */
    Future<ReplayResult> replay(ReplayRequest request, Map<String, List<String>> targets);
}
