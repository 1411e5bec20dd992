package io.fleetguard.topology;

import io.fleetguard.detect.Activity;
import io.fleetguard.schema.DeviceIdentity;

/** An activity paired with the identity the registry held at the activity's event time (null: none). */
record Observation(Activity activity, DeviceIdentity identity) {
}
