package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;

import java.util.List;

/** Telemetry not relayed by an allowed gateway whose connection credential (fingerprint, else principal) is none of the claimed device's credentials is impersonated. */
public final class ImpersonatedTelemetryDetector implements Detector {

    @Override
    public AlertType type() {
        return AlertType.IMPERSONATED_TELEMETRY;
    }

    @Override
    public List<Finding> detect(Activity activity, DeviceIdentity identity, Policy policy) {
        if (identity == null || activity.kind() != Activity.Kind.TELEMETRY) {
            return List.of();
        }
        // A listed gateway publishes for the device over its own connection; that connection is
        // judged when the gateway is checked under its own id.
        String gateway = activity.gatewayId();
        if (gateway != null && identity.getAllowedGateways().contains(gateway)) {
            return List.of();
        }
        String subject = foreignCredentialSubject(activity, identity);
        if (subject == null) {
            return List.of();
        }
        String fingerprint = CredentialLookup.presentedFingerprint(activity);
        String presented = fingerprint != null
                ? "credential " + fingerprint
                : "principal " + activity.principal();
        String summary = "Telemetry to " + activity.destination() + " claims device " + activity.deviceId()
                + " but arrived over " + presented + ", which is not one of its credentials";
        Evidence evidence = Evidence.of(activity)
                .put("claimedDeviceId", activity.deviceId())
                .put("credentialFingerprint", activity.credentialFingerprint())
                .put("principal", activity.principal())
                .put("clientId", activity.clientId())
                .put("sourceIp", activity.sourceIp())
                .put("brokerId", activity.brokerId())
                .put("gatewayId", gateway)
                .put("destination", activity.destination());
        return List.of(new Finding(type(), Severity.CRITICAL, subject, summary, evidence.toMap()));
    }

    /**
     * @return the subject naming a presented credential the device does not hold, or null when
     *         the credential is the device's own (revoked or not: that is another rule) or absent
     */
    private static String foreignCredentialSubject(Activity activity, DeviceIdentity identity) {
        String fingerprint = CredentialLookup.presentedFingerprint(activity);
        if (fingerprint != null) {
            for (Credential c : identity.getCredentials()) {
                if (fingerprint.equalsIgnoreCase(c.getFingerprint())) {
                    return null;
                }
            }
            return fingerprint;
        }
        String principal = activity.principal();
        if (principal == null) {
            return null;
        }
        for (Credential c : identity.getCredentials()) {
            if (principal.equals(c.getPrincipal())) {
                return null;
            }
        }
        return "principal:" + principal;
    }
}
