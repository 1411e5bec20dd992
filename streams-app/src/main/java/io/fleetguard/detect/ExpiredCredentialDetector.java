package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;

import java.time.Instant;
import java.util.List;

/** A used credential whose expiresAt is strictly before the event time is expired. */
public final class ExpiredCredentialDetector implements Detector {

    @Override
    public AlertType type() {
        return AlertType.EXPIRED_CREDENTIAL;
    }

    @Override
    public List<Finding> detect(Activity activity, DeviceIdentity identity, Policy policy) {
        Credential credential = CredentialLookup.findUsed(identity, activity);
        if (credential == null || credential.getExpiresAt() == null
                || !credential.getExpiresAt().isBefore(Instant.ofEpochMilli(activity.timestamp()))) {
            return List.of();
        }
        String summary = "Device " + activity.deviceId() + " used " + credential.getType() + " credential "
                + credential.getFingerprint() + " that expired at " + credential.getExpiresAt();
        Evidence evidence = Evidence.ofCredentialUse(activity, credential);
        return List.of(new Finding(type(), Severity.HIGH, credential.getFingerprint(), summary, evidence.toMap()));
    }
}
