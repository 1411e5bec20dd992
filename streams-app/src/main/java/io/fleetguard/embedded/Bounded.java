package io.fleetguard.embedded;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a blocking broker call on its own daemon thread so the caller can stop waiting for it. */
final class Bounded {

    private Bounded() {
    }

    /** @return false if the action was still running when the timeout passed */
    static boolean run(String threadName, Runnable action, Duration timeout) throws InterruptedException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        }, threadName);
        worker.setDaemon(true);
        worker.start();
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new EmbeddedKafkaException(threadName + " failed", e.getCause());
        } catch (TimeoutException e) {
            return false;
        }
    }
}
