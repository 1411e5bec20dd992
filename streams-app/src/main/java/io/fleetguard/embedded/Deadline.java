package io.fleetguard.embedded;

import java.time.Duration;

/** A point in monotonic time by which something must have happened. */
record Deadline(long atNanos, Duration budget) {

    static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    @Override
    public String toString() {
        return budget.toMillis() + " ms";
    }

    boolean expired() {
        return remainingMs() == 0;
    }

    long remainingMs() {
        return Math.max(0, Duration.ofNanos(atNanos - System.nanoTime()).toMillis());
    }

    /** Waits a little before the next poll, never past the deadline. */
    void pause(Duration interval) throws InterruptedException {
        Thread.sleep(Math.min(interval.toMillis(), remainingMs()));
    }
}
