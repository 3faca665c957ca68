package org.metriclifecycle.deploy.support;

import java.time.Duration;

/** Retries an assertion until it holds or the patience runs out (then the last failure is thrown). */
public final class Eventually {

    private Eventually() {
    }

    public static void within(Duration patience, Runnable assertion) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
