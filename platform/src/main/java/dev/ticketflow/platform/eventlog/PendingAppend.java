package dev.ticketflow.platform.eventlog;

import dev.ticketflow.api.Accepted;
import io.vertx.core.Context;
import io.vertx.core.Promise;

/**
 * One append waiting for the writer thread: the row to write, and where to answer once it is
 * committed. The JSON body is serialized by the caller, so that the single writer thread spends
 * its time on SQLite only.
 *
 * @param eventId the event id
 * @param type the event type
 * @param source the help-desk installation, may be {@code null}
 * @param ticketId the ticket id
 * @param occurredAtMillis when the event happened
 * @param acceptedAtMillis when the log received the append
 * @param body the event as JSON
 * @param deliveryId the inbound delivery id, may be {@code null}
 * @param context the caller's context, on which the promise is completed
 * @param promise completed after COMMIT
 */
record PendingAppend(
        String eventId,
        String type,
        String source,
        String ticketId,
        long occurredAtMillis,
        long acceptedAtMillis,
        String body,
        String deliveryId,
        Context context,
        Promise<Accepted> promise) {}
