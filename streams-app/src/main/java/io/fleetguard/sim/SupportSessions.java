package io.fleetguard.sim;

import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.ChangeType;
import io.fleetguard.schema.RemoteSupportSession;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Approved vendor support: a session by one of the device's approved vendors, with a change
 * ticket, starting and ending inside the site's open maintenance window and shorter than 4 h;
 * half of them make one configuration change under the session and its ticket.
 */
final class SupportSessions {

    private static final long MIN_LEFT = Duration.ofMinutes(45).toMillis();
    private static final long MIN_LENGTH = Duration.ofMinutes(15).toMillis();
    private static final long MAX_LENGTH = Duration.ofHours(4).minusMinutes(10).toMillis();
    private static final long CLOSING_SLACK = Duration.ofMinutes(5).toMillis();
    private static final List<String> METHODS = List.of("vendor-portal", "ssh", "vnc");

    private final SimContext ctx;

    SupportSessions(SimContext ctx) {
        this.ctx = ctx;
    }

    /** Starts a session at {@code at} on a device whose window is open long enough; false when none was found. */
    boolean start(long at) {
        for (int attempt = 0; attempt < 8; attempt++) {
            DeviceProfile p = ctx.profile(ctx.pickEligible(q -> true));
            long closes = MaintenanceWindows.openUntil(MaintenanceWindows.forSite(ctx.seed, p.site()), at);
            if (closes - at >= MIN_LEFT) {
                schedule(p, at, closes);
                return true;
            }
        }
        return false;
    }

    private void schedule(DeviceProfile p, long at, long closes) {
        long longest = Math.min(closes - CLOSING_SLACK - at, MAX_LENGTH);
        long ends = at + MIN_LENGTH + ctx.random.nextLong(longest - MIN_LENGTH + 1);
        List<String> vendors = p.deviceClass().supportVendors();
        String vendor = vendors.get(ctx.random.nextInt(vendors.size()));
        String operator = vendor + "-tech-" + (1 + ctx.random.nextInt(20));
        String ticket = String.format(Locale.ROOT, "CHG-%06d", ctx.random.nextInt(1_000_000));
        String sourceIp = "198.51.100." + (10 + ctx.random.nextInt(200));
        String method = METHODS.get(ctx.random.nextInt(METHODS.size()));
        String sessionId = ctx.events.nextId();
        RemoteSupportSession.Builder session = RemoteSupportSession.newBuilder()
                .setSessionId(sessionId).setDeviceId(p.deviceId()).setVendor(vendor).setOperator(operator)
                .setStartedAt(Instant.ofEpochMilli(at)).setTicketId(ticket).setSourceIp(sourceIp).setMethod(method);
        ctx.emit(ctx.events.session(session.setEndedAt(null).build()));
        if (ctx.random.nextBoolean()) {
            ctx.emit(ctx.events.config(p.deviceId(), operator, ActorType.VENDOR, ChangeType.OTHER,
                    "log-level=warn", "log-level=debug", ticket, sessionId, (at + ends) / 2));
        }
        ctx.emit(ctx.events.session(session.setEndedAt(Instant.ofEpochMilli(ends)).build()));
    }
}
