package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A used credential whose age at event time is strictly greater than its type's rotation limit is stale. */
public final class StaleCredentialDetector implements Detector {

    @Override
    public AlertType type() {
        return AlertType.STALE_CREDENTIAL;
    }

    @Override
    public List<Finding> detect(Activity activity, DeviceIdentity identity, Policy policy) {
        Credential credential = CredentialLookup.findUsed(identity, activity);
        if (credential == null) {
            return List.of();
        }
        Duration age = Duration.between(credential.getIssuedAt(), Instant.ofEpochMilli(activity.timestamp()));
        Duration limit = policy.rotationLimit(credential.getType(), identity.getDeviceClass());
        if (age.compareTo(limit) <= 0) {
            return List.of();
        }
        String summary = "Device " + activity.deviceId() + " used " + credential.getType() + " credential "
                + credential.getFingerprint() + " issued " + age.toDays() + " days ago (rotation limit "
                + limit.toDays() + " days)";
        Evidence evidence = Evidence.ofCredentialUse(activity, credential)
                .put("ageDays", age.toDays())
                .put("rotationLimitDays", limit.toDays());
        return List.of(new Finding(type(), Severity.MEDIUM, credential.getFingerprint(), summary, evidence.toMap()));
    }
}
