package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;

import java.util.List;

/** A used credential that is revoked or rotated out (superseded by another) is a revoked credential in use. */
public final class RevokedCredentialDetector implements Detector {

    @Override
    public AlertType type() {
        return AlertType.REVOKED_CREDENTIAL_IN_USE;
    }

    @Override
    public List<Finding> detect(Activity activity, DeviceIdentity identity, Policy policy) {
        Credential credential = CredentialLookup.findUsed(identity, activity);
        if (credential == null || !CredentialLookup.isRetired(credential)) {
            return List.of();
        }
        // An explicit revocation is the stronger statement, so it names the reason when both hold.
        String reason = credential.getRevoked() ? "revoked" : "rotated-out";
        String summary = "Device " + activity.deviceId() + " used " + reason + " " + credential.getType()
                + " credential " + credential.getFingerprint()
                + (credential.getSupersededBy() == null ? "" : " (superseded by " + credential.getSupersededBy() + ")");
        Evidence evidence = Evidence.ofCredentialUse(activity, credential)
                .put("reason", reason)
                .put("supersededBy", credential.getSupersededBy());
        return List.of(new Finding(type(), Severity.HIGH, credential.getFingerprint(), summary, evidence.toMap()));
    }
}
