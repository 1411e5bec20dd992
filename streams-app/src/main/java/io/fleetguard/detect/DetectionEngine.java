package io.fleetguard.detect;

import io.fleetguard.schema.DeviceIdentity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Runs a fixed list of detectors under one policy and concatenates their findings in detector order. */
public final class DetectionEngine {

    private final Detector[] detectors;
    private final Policy policy;

    public DetectionEngine(List<Detector> detectors, Policy policy) {
        this.detectors = detectors.toArray(new Detector[0]);
        for (Detector d : this.detectors) {
            Objects.requireNonNull(d, "detector");
        }
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @param identity the registry entry as of the activity's event time, or null
     * @return every finding, in detector order; an immutable empty list when none fire
     */
    public List<Finding> detect(Activity activity, DeviceIdentity identity) {
        // Hot path: most activities are clean, so allocate only once something fires.
        List<Finding> all = null;
        for (Detector detector : detectors) {
            List<Finding> found = detector.detect(activity, identity, policy);
            if (!found.isEmpty()) {
                if (all == null) {
                    all = new ArrayList<>(found.size() + 2);
                }
                all.addAll(found);
            }
        }
        return all == null ? List.of() : Collections.unmodifiableList(all);
    }

    public List<Detector> detectors() {
        return List.of(detectors);
    }

    public Policy policy() {
        return policy;
    }
}
