package io.fleetguard.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * Every child JVM of a chaos run, killed when the run closes and, should this JVM die first, by a
 * shutdown hook: no orphan broker or app is left behind on any path.
 */
final class Children implements AutoCloseable {

    private final List<ChildJvm> children = new ArrayList<>();
    private final Thread hook = new Thread(this::killAll, "chaos-children-cleanup");

    Children() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    synchronized ChildJvm track(ChildJvm child) {
        children.add(child);
        return child;
    }

    private synchronized void killAll() {
        for (ChildJvm child : children) {
            try {
                child.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        children.clear();
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException jvmExiting) {
            // called while the JVM shuts down: the hook runs anyway
        }
    }
}
