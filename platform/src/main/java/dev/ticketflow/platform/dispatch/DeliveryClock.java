package dev.ticketflow.platform.dispatch;

import io.vertx.core.Vertx;

/**
 * The time that retries and the circuit breaker's cool-down run on. In production the wall
 * clock with Vert.x timers; tests pass a clock they move by hand, so that "retry in 5 minutes"
 * takes no time at all.
 */
public interface DeliveryClock {

    /** Now, in epoch milliseconds. */
    long millis();

    /**
     * Runs a task once a delay has passed, on the calling Vert.x context.
     *
     * @param delayMillis the delay, at least 1
     * @param task the task
     * @return a handle for {@link #cancel}
     */
    long schedule(long delayMillis, Runnable task);

    /**
     * Cancels a scheduled task, if it did not run yet.
     *
     * @param handle what {@link #schedule} returned
     */
    void cancel(long handle);

    /**
     * The wall clock with Vert.x timers.
     *
     * @param vertx the Vert.x instance
     * @return the clock
     */
    static DeliveryClock system(Vertx vertx) {
        return new DeliveryClock() {
            @Override
            public long millis() {
                return System.currentTimeMillis();
            }

            @Override
            public long schedule(long delayMillis, Runnable task) {
                return vertx.setTimer(Math.max(1, delayMillis), id -> task.run());
            }

            @Override
            public void cancel(long handle) {
                vertx.cancelTimer(handle);
            }
        };
    }
}
