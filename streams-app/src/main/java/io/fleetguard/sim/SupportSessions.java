package io.fleetguard.sim;

import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.ChangeType;
import io.fleetguard.schema.RemoteSupportSession;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Vendor remote support. Normal sessions are approved: by one of the device's approved vendors,
 * with a change ticket, starting and ending inside the site's open maintenance window and
 * shorter than the policy's maximum; half of them make one configuration change under the
 * session and its ticket. An unapproved session breaks exactly one of the rules judged at its
 * start (no ticket, an unapproved vendor, outside every window), so its start update is the
 * incident; it makes no change and ends well within the maximum.
 *
 * <p>Sessions longer than the maximum are not simulated: FleetGuard reports them twice, once on
 * stream time while still open (an alert whose triggering event is no input event) and once on
 * their end update, and the first cannot be labelled.
 */
final class SupportSessions {

    private static final long MIN_LEFT = Duration.ofMinutes(45).toMillis();
    private static final long MIN_LENGTH = Duration.ofMinutes(15).toMillis();
    private static final long MAX_LENGTH = Duration.ofHours(4).minusMinutes(10).toMillis();
    private static final long CLOSING_SLACK = Duration.ofMinutes(5).toMillis();
    private static final long SHORT_OF_MAX = Duration.ofMinutes(10).toMillis();
    private static final int ATTEMPTS = 8;
    private static final List<String> METHODS = List.of("vendor-portal", "ssh", "vnc");
    /** Support firms no device class approves. */
    private static final List<String> UNAPPROVED_VENDORS = List.of("quickfix-remote", "freelance-integrator",
            "helpdesk-anywhere");

    private enum Violation { NO_TICKET, UNAPPROVED_VENDOR, OUTSIDE_WINDOW }

    private final SimContext ctx;

    SupportSessions(SimContext ctx) {
        this.ctx = ctx;
    }

    /** Starts a session at {@code at} on a device whose window is open long enough; false when none was found. */
    boolean start(long at) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            DeviceProfile p = ctx.profile(ctx.pickEligible(at, q -> true));
            long closes = MaintenanceWindows.openUntil(MaintenanceWindows.forSite(ctx.seed, p.site()), at);
            if (closes - at >= MIN_LEFT) {
                long longest = Math.min(closes - CLOSING_SLACK - at, longest(p));
                session(p, at, at + length(longest), approvedVendor(p), ticket(), true, null);
                return true;
            }
        }
        return false;
    }

    /**
     * A session breaking one start rule: without a ticket or by an unapproved vendor inside an
     * open window, or approved but started outside every window, whichever the device's site
     * allows at {@code at} (a minute clear of a window's edges either way).
     */
    boolean unapproved(long at) {
        Violation wanted = Violation.values()[ctx.random.nextInt(Violation.values().length)];
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            DeviceProfile p = ctx.profile(ctx.pickEligible(at, q -> true));
            var windows = MaintenanceWindows.forSite(ctx.seed, p.site());
            boolean open = MaintenanceWindows.openUntil(windows, at - CredentialClock.MARGIN) >= 0
                    && MaintenanceWindows.openUntil(windows, at + CredentialClock.MARGIN) >= 0;
            boolean closed = MaintenanceWindows.openUntil(windows, at - CredentialClock.MARGIN) < 0
                    && MaintenanceWindows.openUntil(windows, at + CredentialClock.MARGIN) < 0;
            // Inside a window only the ticket or the vendor can be wrong; outside, only the window.
            Violation violation = closed ? Violation.OUTSIDE_WINDOW
                    : open && wanted != Violation.OUTSIDE_WINDOW ? wanted
                    : open ? (ctx.random.nextBoolean() ? Violation.NO_TICKET : Violation.UNAPPROVED_VENDOR)
                    : null;
            if (violation == null) {
                continue;
            }
            String vendor = violation == Violation.UNAPPROVED_VENDOR ? unapprovedVendor(p) : approvedVendor(p);
            String ticket = violation == Violation.NO_TICKET ? null : ticket();
            String label = "support session on " + p.deviceId() + " by " + vendor + switch (violation) {
                case NO_TICKET -> " without a ticket";
                case UNAPPROVED_VENDOR -> ", a vendor the device does not approve";
                case OUTSIDE_WINDOW -> " outside its maintenance window";
            };
            session(p, at, at + length(longest(p)), vendor, ticket, false,
                    new Incident(AlertType.UNAPPROVED_REMOTE_SUPPORT, label));
            return true;
        }
        return false;
    }

    private void session(DeviceProfile p, long at, long ends, String vendor, String ticket, boolean mayChange,
                         Incident incident) {
        String operator = vendor + "-tech-" + (1 + ctx.random.nextInt(20));
        String sourceIp = "198.51.100." + (10 + ctx.random.nextInt(200));
        String method = METHODS.get(ctx.random.nextInt(METHODS.size()));
        String sessionId = ctx.events.nextId();
        RemoteSupportSession.Builder session = RemoteSupportSession.newBuilder()
                .setSessionId(sessionId).setDeviceId(p.deviceId()).setVendor(vendor).setOperator(operator)
                .setStartedAt(Instant.ofEpochMilli(at)).setTicketId(ticket).setSourceIp(sourceIp).setMethod(method);
        ctx.emit(ctx.events.session(session.setEndedAt(null).build(), incident));
        if (mayChange && ctx.random.nextBoolean()) {
            ctx.emit(ctx.events.config(p.deviceId(), operator, ActorType.VENDOR, ChangeType.OTHER,
                    "log-level=warn", "log-level=debug", ticket, sessionId, (at + ends) / 2));
        }
        ctx.emit(ctx.events.session(session.setEndedAt(Instant.ofEpochMilli(ends)).build(), null));
    }

    /**
     * The longest session the policy allows, less a safety margin: the class's limit, judged on a
     * session's end, or the fleet-wide one, which the open-session check applies to every class.
     */
    private long longest(DeviceProfile p) {
        long max = Math.min(ctx.policy.supportMaxDuration(p.deviceClass().label()).toMillis(),
                ctx.policy.supportMaxDuration().toMillis());
        return Math.min(MAX_LENGTH, max - Math.min(SHORT_OF_MAX, max / 10));
    }

    private long length(long longest) {
        long shortest = Math.min(MIN_LENGTH, longest / 2);
        return shortest + ctx.random.nextLong(Math.max(1, longest - shortest + 1));
    }

    private String approvedVendor(DeviceProfile p) {
        List<String> vendors = p.deviceClass().supportVendors();
        return vendors.get(ctx.random.nextInt(vendors.size()));
    }

    private String unapprovedVendor(DeviceProfile p) {
        String vendor = UNAPPROVED_VENDORS.get(ctx.random.nextInt(UNAPPROVED_VENDORS.size()));
        if (p.deviceClass().supportVendors().contains(vendor)) {
            throw new IllegalStateException(vendor + " is approved for " + p.deviceClass());
        }
        return vendor;
    }

    private String ticket() {
        return String.format(Locale.ROOT, "CHG-%06d", ctx.random.nextInt(1_000_000));
    }
}
