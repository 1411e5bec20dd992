package io.fleetguard.detect;

import java.util.List;

/** What a windowed rule returns for one event: its new state and what it found (often nothing). */
public record Step(RecentEvents state, List<Finding> findings) {

    public Step {
        findings = List.copyOf(findings);
    }
}
