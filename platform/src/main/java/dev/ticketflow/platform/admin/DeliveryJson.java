package dev.ticketflow.platform.admin;

import dev.ticketflow.platform.dispatch.CircuitStatus;
import dev.ticketflow.platform.dispatch.Delivery;
import dev.ticketflow.platform.dispatch.DeliveryPage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The JSON forms of deliveries in the admin API (every member present, absent values {@code null}). */
public final class DeliveryJson {

    private DeliveryJson() {}

    /**
     * One delivery.
     *
     * @param delivery the delivery
     * @return its JSON
     */
    public static JsonObject toJson(Delivery delivery) {
        return new JsonObject()
                .put("id", delivery.id())
                .put("pluginId", delivery.pluginId())
                .put("eventId", delivery.eventId())
                .put("eventType", delivery.eventType())
                .put("ticketId", delivery.ticketId())
                .put("state", delivery.state().wireName())
                .put("attempts", delivery.attempts())
                .put("previousAttempts", delivery.attemptBase())
                .put("nextAttemptAt", delivery.state().open() ? text(delivery.nextAttemptAt()) : null)
                .put("lastError", delivery.lastError())
                .put("replay", delivery.replay())
                .put("deadLetter", delivery.deadLetter())
                .put("retriedBy", delivery.retriedBy())
                .put("createdAt", text(delivery.createdAt()))
                .put("updatedAt", text(delivery.updatedAt()));
    }

    /**
     * A page of deliveries: {@code {"deliveries": [...], "next": <before of the next page or null>}}.
     *
     * @param page the page
     * @return its JSON
     */
    public static JsonObject toJson(DeliveryPage page) {
        JsonArray deliveries = new JsonArray();
        page.deliveries().forEach(delivery -> deliveries.add(toJson(delivery)));
        return new JsonObject().put("deliveries", deliveries).put("next", page.next());
    }

    /**
     * A circuit breaker's state.
     *
     * @param circuit the state
     * @return its JSON
     */
    public static JsonObject toJson(CircuitStatus circuit) {
        return new JsonObject()
                .put("state", circuit.state())
                .put("consecutiveFailures", circuit.consecutiveFailures())
                .put("openUntil", text(circuit.openUntil()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
