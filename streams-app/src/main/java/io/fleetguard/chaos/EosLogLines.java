package io.fleetguard.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Counts the exactly-once log lines KAFKA-NOTES lists as retriable (OutOfOrderSequenceException,
 * CONCURRENT_TRANSACTIONS) in the broker's and the instances' logs, so that a run that loses nothing
 * shows whether they occurred; and the instances' lines for registry versions that arrived behind
 * the event-order watermark ({@code LateRegistryProbe}), which say where live may depart from replay.
 */
final class EosLogLines {

    private EosLogLines() {
    }

    static long count(List<AppInstance> apps, Path dir) throws IOException {
        List<Path> logs = new ArrayList<>();
        apps.forEach(a -> logs.add(a.log()));
        logs.add(dir.resolve("broker.log"));
        return count(logs, l -> l.contains("OutOfOrderSequence") || l.contains("CONCURRENT_TRANSACTIONS"));
    }

    /** Late registry versions the instances logged, over every restart (each appends to its log). */
    static long lateRegistryVersions(List<AppInstance> apps) throws IOException {
        return count(apps.stream().map(AppInstance::log).toList(),
                l -> l.contains("LateRegistryProbe") && l.contains("behind the event-order watermark"));
    }

    private static long count(List<Path> logs, Predicate<String> matches) throws IOException {
        long n = 0;
        for (Path log : logs) {
            if (Files.exists(log)) {
                try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                    n += lines.filter(matches).count();
                }
            }
        }
        return n;
    }
}
