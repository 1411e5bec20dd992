package io.fleetguard.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/** Waiting on a child's log file for a line, with a deadline, failing early if the child died. */
final class ChildLogs {

    private static final long POLL_MS = 100;

    private ChildLogs() {
    }

    /**
     * Waits until a line after {@code fromByte} of the child's log matches.
     *
     * @return the matching line
     * @throws IllegalStateException if the child exits or the deadline passes first
     */
    static String await(ChildJvm child, long fromByte, Predicate<String> line, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String l : tail(child.log(), fromByte).split("\n")) {
                if (line.test(l)) {
                    return l;
                }
            }
            if (!child.alive()) {
                String tail = tail(child.log(), fromByte);
                throw new IllegalStateException(child.name() + " exited with code " + child.exitCode()
                        + " before it was ready; its log ends: " + tail.substring(Math.max(0, tail.length() - 1500)));
            }
            Thread.sleep(POLL_MS);
        }
        throw new IllegalStateException(child.name() + " not ready within " + timeout + "; see " + child.log());
    }

    static long size(Path log) throws IOException {
        return Files.exists(log) ? Files.size(log) : 0;
    }

    static String tail(Path log, long fromByte) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(fromByte, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }
}
