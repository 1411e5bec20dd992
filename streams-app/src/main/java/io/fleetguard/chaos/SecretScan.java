package io.fleetguard.chaos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Looks for every planted secret in every place it must never appear. */
final class SecretScan {

    private final List<String> secrets;
    private final Map<String, Long> leaksByPlace = new LinkedHashMap<>();
    private final List<String> leaks = new ArrayList<>();

    SecretScan(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    /** Scans one text (a record, a header, a log, a scrape) from {@code place}. */
    void scan(String place, String text) {
        leaksByPlace.putIfAbsent(place, 0L);
        for (String s : secrets) {
            if (text.contains(s)) {
                leaksByPlace.merge(place, 1L, Long::sum);
                if (leaks.size() < 20) {
                    leaks.add(s.replaceFirst("-[0-9a-f]+$", "-…") + " in " + place);
                }
            }
        }
    }

    /** Distinct (place, secret) findings. */
    long leaked() {
        return leaksByPlace.values().stream().mapToLong(Long::longValue).sum();
    }

    List<String> leaks() {
        return List.copyOf(leaks);
    }

    Map<String, Long> places() {
        return Map.copyOf(leaksByPlace);
    }
}
