package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;

import java.time.Instant;
import java.util.List;

/** A used credential whose expiresAt lies in [event time, event time + expiring window] is expiring. */
public final class CredentialExpiringDetector implements Detector {

    @Override
    public AlertType type() {
        return AlertType.CREDENTIAL_EXPIRING;
    }

    // Fires on every use; the once-a-day-per-credential gate is stateful and lives in the topology.
    @Override
    public List<Finding> detect(Activity activity, DeviceIdentity identity, Policy policy) {
        Credential credential = CredentialLookup.findUsed(identity, activity);
        if (credential == null || credential.getExpiresAt() == null) {
            return List.of();
        }
        Instant at = Instant.ofEpochMilli(activity.timestamp());
        Instant expiresAt = credential.getExpiresAt();
        if (expiresAt.isBefore(at) || expiresAt.isAfter(at.plus(policy.expiringWindow()))) {
            return List.of();
        }
        String summary = "Device " + activity.deviceId() + " used " + credential.getType() + " credential "
                + credential.getFingerprint() + " that expires at " + expiresAt;
        Evidence evidence = Evidence.ofCredentialUse(activity, credential);
        return List.of(new Finding(type(), Severity.LOW, credential.getFingerprint(), summary, evidence.toMap()));
    }
}
