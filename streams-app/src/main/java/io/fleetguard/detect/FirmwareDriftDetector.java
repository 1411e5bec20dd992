package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;

import java.util.List;

/** Telemetry whose reportedFirmware differs from the registry's expectedFirmware, compared exactly after trimming and dropping one leading 'v', is firmware drift. */
public final class FirmwareDriftDetector implements Detector {

    @Override
    public AlertType type() {
        return AlertType.FIRMWARE_DRIFT;
    }

    @Override
    public List<Finding> detect(Activity activity, DeviceIdentity identity, Policy policy) {
        if (identity == null || activity.kind() != Activity.Kind.TELEMETRY) {
            return List.of();
        }
        String reported = normalize(activity.telemetry().getReportedFirmware());
        String expected = normalize(identity.getExpectedFirmware());
        // No drift can be judged when either side is silent: old agents do not report firmware,
        // and a registry entry without expectedFirmware does not enforce one.
        if (reported == null || expected == null || reported.equals(expected)) {
            return List.of();
        }
        String summary = "Device " + activity.deviceId() + " reports firmware " + reported
                + " but the registry expects " + expected;
        Evidence evidence = Evidence.of(activity)
                .put("reportedFirmware", activity.telemetry().getReportedFirmware())
                .put("expectedFirmware", identity.getExpectedFirmware())
                .put("clientId", activity.clientId())
                .put("sourceIp", activity.sourceIp());
        return List.of(new Finding(type(), Severity.LOW, "firmware:" + reported, summary, evidence.toMap()));
    }

    /** Trimmed, without one leading 'v' or 'V'; null when absent or blank. */
    static String normalize(String firmware) {
        if (firmware == null || firmware.isBlank()) {
            return null;
        }
        String s = firmware.strip();
        return s.length() > 1 && (s.charAt(0) == 'v' || s.charAt(0) == 'V') ? s.substring(1) : s;
    }
}
