package io.fleetguard.detect;

import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.ConfigChange;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.RemoteSupportSession;
import io.fleetguard.schema.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The support-session rules that need memory, per device:
 * UNAPPROVED_REMOTE_SUPPORT — each session judged once on the start rules (its first record seen)
 * and once on its duration (its first record with an end), see {@link UnapprovedRemoteSupportDetector};
 * and a session still open past the support maximum of its device's class after it started, judged
 * on stream time, so a session that never sends its end is still caught (MEDIUM);
 * UNAUTHORIZED_CONFIG_CHANGE — a vendor or unknown actor's change that cites a support session
 * which is unknown, was not running at the change time, or was not approved (ticket and an
 * approved vendor) (HIGH).
 */
public final class SupportSessionRule {

    private final Policy policy;
    private final UnapprovedRemoteSupportDetector detector = new UnapprovedRemoteSupportDetector();

    public SupportSessionRule(Policy policy) {
        this.policy = policy;
    }

    /** The device's sessions after a session record, and what that record alone shows. */
    public record Judged(SupportSessions state, List<Finding> findings) {
    }

    /** @param activity a support-session activity ({@link Activity#of(RemoteSupportSession)}) */
    public Judged onSession(SupportSessions state, Activity activity, DeviceIdentity identity) {
        RemoteSupportSession s = activity.supportSession();
        boolean approved = s.getTicketId() != null && !s.getTicketId().isBlank() && identity != null
                && identity.getApprovedSupportVendors().stream().anyMatch(v -> v.trim().equalsIgnoreCase(s.getVendor().trim()));
        SupportSessions.Session known = state.find(s.getSessionId());
        boolean endKnown = known != null && known.endedAt() != SupportSessions.OPEN;
        // A start update that arrives after the session's end must not reopen it.
        long ended = s.getEndedAt() != null ? s.getEndedAt().toEpochMilli() : endKnown ? known.endedAt() : SupportSessions.OPEN;
        Duration limit = policy.supportMaxDuration(identity == null ? null : identity.getDeviceClass());
        SupportSessions next = state.upsert(new SupportSessions.Session(s.getSessionId(), s.getVendor(),
                s.getStartedAt().toEpochMilli(), ended, approved, known != null && known.reportedOpen(), limit.toMillis()));
        return new Judged(next, detector.detect(activity, identity, policy, known != null, endKnown));
    }

    /** The finding for a change citing a session that does not cover it, or null. */
    public Finding onConfigChange(SupportSessions state, Activity activity) {
        ConfigChange c = activity.configChange();
        if (c == null || c.getSupportSessionId() == null
                || c.getActorType() == ActorType.OWNER || c.getActorType() == ActorType.AUTOMATION) {
            return null;
        }
        SupportSessions.Session s = state.find(c.getSupportSessionId());
        long at = activity.timestamp();
        String reason = s == null ? "unknown-session"
                : at < s.startedAt() || at > s.endedAt() ? "outside-session"
                : !s.approved() ? "unapproved-session" : null;
        if (reason == null) {
            return null;
        }
        return new Finding(AlertType.UNAUTHORIZED_CONFIG_CHANGE, Severity.HIGH, "change:" + activity.eventId(),
                c.getChangeType() + " change on " + activity.deviceId() + " by " + c.getActor() + " cites support session "
                        + c.getSupportSessionId() + " which " + describe(reason),
                Evidence.of(activity).put("reason", reason).put("actor", c.getActor()).put("actorType", c.getActorType())
                        .put("changeType", c.getChangeType()).put("supportSessionId", c.getSupportSessionId())
                        .put("ticketId", c.getTicketId()).toMap());
    }

    /** Findings for sessions open too long at {@code streamTime}, and the state with them marked. */
    public record Overdue(SupportSessions state, List<SupportSessions.Session> sessions) {
    }

    public Overdue onStreamTime(SupportSessions state, long streamTime) {
        List<SupportSessions.Session> overdue = new ArrayList<>();
        SupportSessions next = state;
        for (SupportSessions.Session s : state.sessions()) {
            if (s.endedAt() == SupportSessions.OPEN && !s.reportedOpen() && streamTime - s.startedAt() > s.limitMs()) {
                overdue.add(s);
                next = next.upsert(new SupportSessions.Session(s.sessionId(), s.vendor(), s.startedAt(), s.endedAt(),
                        s.approved(), true, s.limitMs()));
            }
        }
        return new Overdue(next, overdue);
    }

    public Finding overdueFinding(String deviceId, SupportSessions.Session s) {
        return new Finding(AlertType.UNAPPROVED_REMOTE_SUPPORT, Severity.MEDIUM, "session:" + s.sessionId() + ":still-open",
                "Support session " + s.sessionId() + " by " + s.vendor() + " on " + deviceId + " is still open "
                        + Duration.ofMillis(s.limitMs()).toMinutes() + " min after it started",
                java.util.Map.of("sessionId", s.sessionId(), "vendor", s.vendor(),
                        "startedAt", Instant.ofEpochMilli(s.startedAt()).toString(),
                        "maxDurationMinutes", Long.toString(Duration.ofMillis(s.limitMs()).toMinutes()),
                        "rule", "still-open"));
    }

    /** When an open session becomes overdue: the event time its alert carries. */
    public long overdueAt(SupportSessions.Session s) {
        return s.startedAt() + s.limitMs() + 1;
    }

    private static String describe(String reason) {
        String text = switch (reason) {
            case "unknown-session" -> "FleetGuard never saw";
            case "outside-session" -> "was not running at the time of the change";
            default -> "was not approved (no ticket or vendor not approved for the device)";
        };
        return text;
    }
}
