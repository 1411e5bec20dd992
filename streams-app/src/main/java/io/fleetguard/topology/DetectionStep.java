package io.fleetguard.topology;

import io.fleetguard.alert.AlertFactory;
import io.fleetguard.detect.DetectionEngine;
import io.fleetguard.detect.Finding;
import io.fleetguard.schema.IdentityAlert;

import java.util.ArrayList;
import java.util.List;

/** Runs the pure detectors over an observation and turns their findings into alerts. */
final class DetectionStep {

    private final DetectionEngine engine;

    DetectionStep(DetectionEngine engine) {
        this.engine = engine;
    }

    List<IdentityAlert> alerts(Observation o) {
        List<Finding> findings = engine.detect(o.activity(), o.identity());
        if (findings.isEmpty()) {
            return List.of();
        }
        List<IdentityAlert> alerts = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            alerts.add(AlertFactory.create(f, o.activity(), o.identity()));
        }
        return alerts;
    }
}
