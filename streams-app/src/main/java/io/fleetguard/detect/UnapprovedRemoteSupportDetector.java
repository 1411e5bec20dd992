package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.MaintenanceWindow;
import io.fleetguard.schema.RemoteSupportSession;
import io.fleetguard.schema.Severity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A remote-support session without a ticket or from a vendor the device does not approve (HIGH),
 * started outside every maintenance window, or lasting longer than the policy allows (MEDIUM) is
 * unapproved, one finding per violated rule. Which rules a record is judged on depends on what was
 * already seen of its session, so {@link SupportSessionRule} (which remembers sessions) calls it.
 */
public final class UnapprovedRemoteSupportDetector {

    /**
     * A session may be published at its start and again at its end, or once when it closes (session
     * recorders and access gateways export it then). The start rules are judged on the first record
     * seen of a session, whichever it is, and the duration rule on the first one that carries an
     * end, so each rule fires once per session. A session that never ends is caught on stream time.
     *
     * @param startJudged an earlier record of this session was already judged on the start rules
     * @param endJudged   an earlier record of this session already carried its end
     */
    public List<Finding> detect(Activity activity, DeviceIdentity identity, Policy policy, boolean startJudged,
                                boolean endJudged) {
        RemoteSupportSession session = activity.supportSession();
        if (identity == null || session == null) {
            return List.of();
        }
        List<Finding> start = startJudged ? List.of() : atStart(activity, session, identity);
        List<Finding> end = session.getEndedAt() == null || endJudged ? List.of()
                : atEnd(activity, session, policy.supportMaxDuration(identity.getDeviceClass()));
        if (end.isEmpty()) {
            return start;
        }
        List<Finding> all = new ArrayList<>(start);
        all.addAll(end);
        return List.copyOf(all);
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
        return new Finding(AlertType.UNAPPROVED_REMOTE_SUPPORT, severity, "session:" + session.getSessionId() + ":" + rule, summary, evidence.toMap());
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
