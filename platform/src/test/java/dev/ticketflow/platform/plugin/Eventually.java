package dev.ticketflow.platform.plugin;

import java.time.Duration;

/** Retries an assertion until it holds or a (generous) deadline passes. */
public final class Eventually {

    private Eventually() {}

    public static void within(Duration deadline, Runnable assertion) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > end) {
                    throw notYet;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
