package dev.ticketflow.platform.eventlog;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import java.sql.SQLException;

/**
 * One piece of work for the writer thread: what to do inside the batch's transaction, and where
 * to answer once it is committed. Any work that needs the input serialized or prepared does so
 * before it is queued, so that the single writer thread spends its time on SQLite only.
 *
 * @param <T> the answer
 * @param label names the work in log messages
 * @param work what to do, inside the open transaction
 * @param bounded whether the work counts against the writer's queue limit (appends do: a full
 *     queue refuses them at once; bookkeeping of deliveries does not)
 * @param refusable whether the work may refuse its input (an unknown id, say) by throwing a
 *     {@code PlatformException} or {@code IllegalArgumentException}: it then runs inside a
 *     savepoint, so that its refusal undoes only its own writes and not the batch's
 * @param context the caller's context, on which the promise is completed
 * @param promise completed after COMMIT
 */
record WriteTask<T>(String label, Work<T> work, boolean bounded, boolean refusable, Context context,
        Promise<T> promise) {

    /** The work, given the batch's session. */
    @FunctionalInterface
    interface Work<T> {
        T apply(WriteSession session) throws SQLException;
    }
}
