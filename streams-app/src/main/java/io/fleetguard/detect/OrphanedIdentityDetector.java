package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;

import java.util.List;

/** A successful authentication or telemetry record of a device whose owner is missing or blank is an orphaned identity. */
public final class OrphanedIdentityDetector implements Detector {

    @Override
    public AlertType type() {
        return AlertType.ORPHANED_IDENTITY;
    }

    // Fires on every use; the catalogue marks the type once-a-day, a gate that lives in the topology.
    @Override
    public List<Finding> detect(Activity activity, DeviceIdentity identity, Policy policy) {
        if (identity == null || !activity.isCredentialUse()
                || (identity.getOwner() != null && !identity.getOwner().isBlank())) {
            return List.of();
        }
        String use = activity.kind() == Activity.Kind.AUTH
                ? "authenticated successfully"
                : "sent telemetry to " + activity.destination();
        String summary = "Device " + activity.deviceId() + " has no owner but " + use;
        Evidence evidence = Evidence.of(activity)
                .put("deviceClass", identity.getDeviceClass())
                .put("status", identity.getStatus())
                .put("principal", activity.principal())
                .put("credentialFingerprint", activity.credentialFingerprint())
                .put("clientId", activity.clientId())
                .put("sourceIp", activity.sourceIp());
        return List.of(new Finding(type(), Severity.MEDIUM, activity.deviceId(), summary, evidence.toMap()));
    }
}
