package dev.ticketflow.platform.timer;

import dev.ticketflow.api.event.TicketEvent;
import java.time.Instant;

/**
 * A pending timer of a plugin's {@code schedule()} port.
 *
 * @param pluginId the plugin that scheduled it, and the only one its event goes to
 * @param key the timer's key, unique within the plugin
 * @param dueAt when it fires, at the earliest
 * @param event the event it delivers; its id was assigned when scheduled and identifies this
 *     scheduling (a replaced timer's event has another id)
 * @param scheduledAt when it was scheduled
 */
public record StoredTimer(String pluginId, String key, Instant dueAt, TicketEvent event, Instant scheduledAt) {}
