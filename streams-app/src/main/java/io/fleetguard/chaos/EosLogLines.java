package io.fleetguard.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the exactly-once log lines KAFKA-NOTES lists as retriable (OutOfOrderSequenceException,
 * CONCURRENT_TRANSACTIONS) in the broker's and the instances' logs, so that a run that loses nothing
 * shows whether they occurred.
 */
final class EosLogLines {

    private EosLogLines() {
    }

    static long count(List<AppInstance> apps, Path dir) throws IOException {
        List<Path> logs = new ArrayList<>();
        apps.forEach(a -> logs.add(a.log()));
        logs.add(dir.resolve("broker.log"));
        long n = 0;
        for (Path log : logs) {
            if (Files.exists(log)) {
                try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                    n += lines.filter(l -> l.contains("OutOfOrderSequence") || l.contains("CONCURRENT_TRANSACTIONS")).count();
                }
            }
        }
        return n;
    }
}
