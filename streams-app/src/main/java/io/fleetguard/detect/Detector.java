package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.DeviceIdentity;

import java.util.List;

/**
 * A pure detection rule: activity + identity as of the activity's event time + policy in,
 * findings out. No Kafka, no clock, no state; the same input always gives the same output.
 */
public interface Detector {

    /** The alert type this detector raises. */
    AlertType type();

    /**
     * @param identity the registry entry as of {@code activity.timestamp()}, or null when the
     *                 device was not registered at that instant
     */
    List<Finding> detect(Activity activity, DeviceIdentity identity, Policy policy);
}
