package dev.ticketflow.plugins.zendesk.outbound;

import dev.failsafe.spi.DefaultScheduledFuture;
import dev.failsafe.spi.Scheduler;
import io.vertx.core.Context;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs Failsafe's delayed work (retry back-off, rate-limiter waits) on Vert.x timers and on the
 * connector's own context, so no thread ever sleeps and every HTTP call starts on the event
 * loop that owns the client.
 */
final class VertxScheduler implements Scheduler {

    private final Context context;

    VertxScheduler(Context context) {
        this.context = context;
    }

    @Override
    public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
        TimerFuture future = new TimerFuture();
        long millis = unit.toMillis(delay);
        if (millis <= 0) {
            context.runOnContext(ignored -> future.run(callable));
        } else {
            future.timerId = context.owner().setTimer(millis,
                    id -> context.runOnContext(ignored -> future.run(callable)));
        }
        return future;
    }

    private final class TimerFuture extends DefaultScheduledFuture<Object> {

        private volatile long timerId = -1;
        private volatile boolean cancelled;
        private volatile boolean done;

        void run(Callable<?> callable) {
            if (cancelled) {
                return;
            }
            try {
                callable.call();
            } catch (Exception e) {
                // Failsafe's callables complete their own futures, so this is a bug: let Vert.x
                // report it as an unhandled exception of the context.
                throw new IllegalStateException("scheduled work failed", e);
            } finally {
                done = true;
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done || cancelled) {
                return false;
            }
            cancelled = true;
            if (timerId >= 0) {
                context.owner().cancelTimer(timerId);
            }
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }
    }
}
