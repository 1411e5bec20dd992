package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;

import java.util.List;

/** A successful authentication or telemetry record of a device whose status is RETIRED or DECOMMISSIONED (HIGH) or SUSPENDED (MEDIUM) is a retired identity in use. */
public final class RetiredIdentityActiveDetector implements Detector {

    @Override
    public AlertType type() {
        return AlertType.RETIRED_IDENTITY_ACTIVE;
    }

    @Override
    public List<Finding> detect(Activity activity, DeviceIdentity identity, Policy policy) {
        if (identity == null || !activity.isCredentialUse()) {
            return List.of();
        }
        // A suspension is meant to be temporary and may simply not have reached the device yet;
        // a retired device should have no working credentials at all.
        Severity severity = switch (identity.getStatus()) {
            case RETIRED, DECOMMISSIONED -> Severity.HIGH;
            case SUSPENDED -> Severity.MEDIUM;
            case PROVISIONED, ACTIVE -> null;
        };
        if (severity == null) {
            return List.of();
        }
        String use = activity.kind() == Activity.Kind.AUTH
                ? "authenticated successfully"
                : "sent telemetry to " + activity.destination();
        String summary = identity.getStatus() + " device " + activity.deviceId() + " " + use;
        Evidence evidence = Evidence.of(activity)
                .put("status", identity.getStatus())
                .put("principal", activity.principal())
                .put("credentialFingerprint", activity.credentialFingerprint())
                .put("clientId", activity.clientId())
                .put("sourceIp", activity.sourceIp())
                .put("destination", activity.destination());
        return List.of(new Finding(type(), severity, activity.deviceId(), summary, evidence.toMap()));
    }
}
