package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;

import java.util.List;

/** Any activity naming a device that is absent from the registry at event time is an unknown device (MEDIUM when it is only a failed authentication). */
public final class UnknownDeviceDetector implements Detector {

    @Override
    public AlertType type() {
        return AlertType.UNKNOWN_DEVICE;
    }

    @Override
    public List<Finding> detect(Activity activity, DeviceIdentity identity, Policy policy) {
        if (identity != null) {
            return List.of();
        }
        // A failed attempt proves only that someone knocked; a success or data means it got in.
        Severity severity = activity.isFailedAuth() ? Severity.MEDIUM : Severity.HIGH;
        String summary = describe(activity) + " unregistered device " + activity.deviceId();
        Evidence evidence = Evidence.of(activity)
                .put("principal", activity.principal())
                .put("credentialFingerprint", activity.credentialFingerprint())
                .put("clientId", activity.clientId())
                .put("sourceIp", activity.sourceIp())
                .put("brokerId", activity.brokerId())
                .put("gatewayId", activity.gatewayId())
                .put("destination", activity.destination());
        return List.of(new Finding(type(), severity, activity.deviceId(), summary, evidence.toMap()));
    }

    private static String describe(Activity activity) {
        return switch (activity.kind()) {
            case AUTH -> activity.success() ? "Successful authentication as" : "Failed authentication as";
            case TELEMETRY -> "Telemetry to " + activity.destination() + " from";
            case CONFIG_CHANGE -> "Configuration change on";
            case SUPPORT_SESSION -> "Remote support session on";
        };
    }
}
