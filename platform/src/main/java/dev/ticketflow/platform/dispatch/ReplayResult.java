package dev.ticketflow.platform.dispatch;

/**
 * What a replay recorded.
 *
 * @param events events that matched the request
 * @param deliveries new deliveries recorded for them (one per event and target plugin that
 *     subscribes to its type)
 */
public record ReplayResult(int events, int deliveries) {}
