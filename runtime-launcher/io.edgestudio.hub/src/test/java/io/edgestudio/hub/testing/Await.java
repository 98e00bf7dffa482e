package io.edgestudio.hub.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits on a condition with a timeout, polling: tests never sleep for a fixed time. */
public final class Await {

    private Await() {
    }

    /**
     * @param what describes the condition for the failure message
     * @param timeout how long to wait
     * @param condition what to wait for
     */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
