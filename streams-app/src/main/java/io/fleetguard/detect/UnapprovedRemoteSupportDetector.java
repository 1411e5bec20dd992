package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.MaintenanceWindow;
import io.fleetguard.schema.RemoteSupportSession;
import io.fleetguard.schema.Severity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A remote-support session without a ticket or from a vendor the device does not approve (HIGH), started outside every maintenance window, or lasting longer than the policy allows (MEDIUM) is unapproved, one finding per violated rule. */
public final class UnapprovedRemoteSupportDetector implements Detector {

    @Override
    public AlertType type() {
        return AlertType.UNAPPROVED_REMOTE_SUPPORT;
    }

    // A session is published at its start and again at its end. The start rules are judged on the
    // start update and the duration rule on the end update, so each rule fires once per session.
    // A session that never ends is caught elsewhere, by stream time.
    @Override
    public List<Finding> detect(Activity activity, DeviceIdentity identity, Policy policy) {
        RemoteSupportSession session = activity.supportSession();
        if (identity == null || session == null) {
            return List.of();
        }
        return session.getEndedAt() == null
                ? atStart(activity, session, identity)
                : atEnd(activity, session, policy.supportMaxDuration(identity.getDeviceClass()));
    }

    private List<Finding> atStart(Activity activity, RemoteSupportSession session, DeviceIdentity identity) {
        List<Finding> findings = new ArrayList<>(3);
        String what = describe(session, activity.deviceId());
        if (session.getTicketId() == null || session.getTicketId().isBlank()) {
            findings.add(finding(Severity.HIGH, session, "no-ticket", what + " has no ticket",
                    base(activity, session, "no-ticket")));
        }
        // Unlike allowedDataPaths, an empty vendor list is not "not enforced": no vendor is approved.
        List<String> vendors = identity.getApprovedSupportVendors();
        if (!isApproved(vendors, session.getVendor())) {
            findings.add(finding(Severity.HIGH, session, "unapproved-vendor", what + " is not by an approved vendor",
                    base(activity, session, "unapproved-vendor").put("approvedSupportVendors", String.join(",", vendors))));
        }
        List<MaintenanceWindow> windows = identity.getMaintenanceWindows();
        if (!windows.isEmpty() && !MaintenanceWindows.covers(windows, session.getStartedAt())) {
            findings.add(finding(Severity.MEDIUM, session, "outside-maintenance-window",
                    what + " started at " + session.getStartedAt() + ", outside every maintenance window",
                    base(activity, session, "outside-maintenance-window")
                            .put("maintenanceWindows", MaintenanceWindows.describe(windows))));
        }
        return findings.isEmpty() ? List.of() : List.copyOf(findings);
    }

    private List<Finding> atEnd(Activity activity, RemoteSupportSession session, Duration max) {
        Duration duration = Duration.between(session.getStartedAt(), session.getEndedAt());
        if (duration.compareTo(max) <= 0) {
            return List.of();
        }
        String summary = describe(session, activity.deviceId()) + " lasted " + duration + ", longer than the "
                + max + " allowed";
        Evidence evidence = base(activity, session, "over-max-duration")
                .put("duration", duration)
                .put("maxDuration", max);
        return List.of(finding(Severity.MEDIUM, session, "over-max-duration", summary, evidence));
    }

    private Finding finding(Severity severity, RemoteSupportSession session, String rule, String summary, Evidence evidence) {
        return new Finding(type(), severity, "session:" + session.getSessionId() + ":" + rule, summary, evidence.toMap());
    }

    private static boolean isApproved(List<String> vendors, String vendor) {
        for (String approved : vendors) {
            if (approved.strip().equalsIgnoreCase(vendor.strip())) {
                return true;
            }
        }
        return false;
    }

    private static String describe(RemoteSupportSession session, String deviceId) {
        return "Support session " + session.getSessionId() + " on device " + deviceId + " by vendor " + session.getVendor();
    }

    private static Evidence base(Activity activity, RemoteSupportSession session, String violation) {
        return Evidence.of(activity)
                .put("violation", violation)
                .put("sessionId", session.getSessionId())
                .put("vendor", session.getVendor())
                .put("operator", session.getOperator())
                .put("method", session.getMethod())
                .put("ticketId", session.getTicketId())
                .put("startedAt", session.getStartedAt())
                .put("endedAt", session.getEndedAt())
                .put("sourceIp", session.getSourceIp());
    }
}
