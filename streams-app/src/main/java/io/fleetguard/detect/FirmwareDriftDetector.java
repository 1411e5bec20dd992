package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.ChangeType;
import io.fleetguard.schema.ConfigChange;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;

import java.util.List;

/**
 * Telemetry whose reportedFirmware, or a FIRMWARE configuration change whose toValue, differs from
 * the registry's expectedFirmware (as of event time), compared exactly after trimming and dropping
 * one leading 'v', is firmware drift.
 */
public final class FirmwareDriftDetector implements Detector {

    @Override
    public AlertType type() {
        return AlertType.FIRMWARE_DRIFT;
    }

    @Override
    public List<Finding> detect(Activity activity, DeviceIdentity identity, Policy policy) {
        if (identity == null) {
            return List.of();
        }
        if (activity.kind() == Activity.Kind.TELEMETRY) {
            return reported(activity, identity);
        }
        ConfigChange change = activity.configChange();
        return change != null && change.getChangeType() == ChangeType.FIRMWARE ? installed(activity, change, identity) : List.of();
    }

    private List<Finding> reported(Activity activity, DeviceIdentity identity) {
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
        return List.of(finding(reported, summary, evidence));
    }

    // The subject is the firmware the device now runs, as telemetry names it, so the telemetry that
    // reports the same version after the change folds into this alert instead of opening another.
    private List<Finding> installed(Activity activity, ConfigChange change, DeviceIdentity identity) {
        String installed = normalize(change.getToValue());
        String expected = normalize(identity.getExpectedFirmware());
        if (installed == null || expected == null || installed.equals(expected)) {
            return List.of();
        }
        String summary = "Firmware of device " + activity.deviceId() + " changed to " + installed + " by "
                + change.getActorType() + " " + change.getActor() + " but the registry expects " + expected;
        Evidence evidence = Evidence.of(activity)
                .put("toValue", change.getToValue())
                .put("fromValue", change.getFromValue())
                .put("expectedFirmware", identity.getExpectedFirmware())
                .put("actor", change.getActor())
                .put("actorType", change.getActorType())
                .put("ticketId", change.getTicketId())
                .put("supportSessionId", change.getSupportSessionId());
        return List.of(finding(installed, summary, evidence));
    }

    private Finding finding(String firmware, String summary, Evidence evidence) {
        return new Finding(type(), Severity.LOW, "firmware:" + firmware, summary, evidence.toMap());
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
