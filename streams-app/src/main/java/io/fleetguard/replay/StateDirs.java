package io.fleetguard.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deleting local state directories (offline temp state, a cluster replay's state on cleanup). */
public final class StateDirs {

    private StateDirs() {
    }

    /** Deletes a directory tree; true when nothing is left of it. */
    public static boolean deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // reported through the return value
        }
        return !Files.exists(dir);
    }
}
