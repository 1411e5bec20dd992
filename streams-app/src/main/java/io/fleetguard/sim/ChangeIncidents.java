package io.fleetguard.sim;

import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.ChangeType;

import java.util.Locale;

/**
 * Change-control incidents: configuration changes that are not authorized, and telemetry
 * reporting firmware other than the registry expects. The rest of each event is normal: a
 * registered device, its own connection and paths.
 */
final class ChangeIncidents {

    private static final int ATTEMPTS = 8;

    private enum Kind { NO_SESSION, UNKNOWN_SESSION, DOWNGRADE }

    private final SimContext ctx;

    ChangeIncidents(SimContext ctx) {
        this.ctx = ctx;
    }

    /**
     * One of: a vendor's or an unknown actor's change citing no support session; a vendor's
     * change citing a session FleetGuard never saw (judged by the stateful session rule); a
     * firmware downgrade between two semantic versions by the firmware automation (from a pilot build
     * back to the expected release), which may make changes but not that one.
     */
    boolean unauthorizedChange(long at) {
        DeviceProfile p = ctx.profile(ctx.pickEligible(at, q -> true));
        if (!p.eligible()) {
            return false;
        }
        String id = p.deviceId();
        Kind kind = Kind.values()[ctx.random.nextInt(Kind.values().length)];
        switch (kind) {
            case NO_SESSION -> {
                boolean vendor = ctx.random.nextBoolean();
                String actor = vendor ? p.deviceClass().supportVendors().get(0) + "-tech-" + (1 + ctx.random.nextInt(20))
                        : "unknown";
                ActorType type = vendor ? ActorType.VENDOR : ActorType.UNKNOWN;
                String label = (vendor ? "vendor " + actor : "an unknown actor") + " changed " + id
                        + "'s NTP server outside any support session";
                String ntp = "ntp=" + ctx.layout.address(p.site(), 1);
                ctx.emit(ctx.events.config(id, actor, type, ChangeType.NETWORK, ntp, "ntp=198.51.100.123",
                        null, null, at, new Incident(AlertType.UNAUTHORIZED_CONFIG_CHANGE, label)));
            }
            case UNKNOWN_SESSION -> {
                String actor = p.deviceClass().supportVendors().get(0) + "-tech-" + (1 + ctx.random.nextInt(20));
                String session = "ext-" + Long.toHexString(ctx.random.nextLong() >>> 1);
                String label = "vendor " + actor + " changed " + id + " citing support session " + session
                        + ", which never took place";
                ctx.emit(ctx.events.config(id, actor, ActorType.VENDOR, ChangeType.ACCESS_POLICY, "remote-shell=off",
                        "remote-shell=on", String.format(Locale.ROOT, "CHG-%06d", ctx.random.nextInt(1_000_000)),
                        session, at, new Incident(AlertType.UNAUTHORIZED_CONFIG_CHANGE, label)));
            }
            case DOWNGRADE -> {
                // Rolled back from a pilot build to the release the registry expects: a downgrade
                // the automation may not make, yet no drift, since the device ends on the expected release.
                String from = p.deviceClass().pilotFirmware(p.site());
                String to = p.deviceClass().firmware(p.site());
                String label = id + "'s firmware downgraded from " + from + " to " + to;
                ctx.emit(ctx.events.config(id, "fw-rollout", ActorType.AUTOMATION, ChangeType.FIRMWARE, from, to,
                        null, null, at, new Incident(AlertType.UNAUTHORIZED_CONFIG_CHANGE, label)));
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return true;
    }

    /**
     * One telemetry record of a direct device reporting its class's other firmware build, sent
     * over its own fresh connection to an allowed path; its other records report the expected
     * build or none.
     */
    boolean firmwareDrift(long at) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int index = ctx.pickEligible(at, DeviceProfile::direct);
            DeviceProfile p = ctx.profile(index);
            if (!p.eligible() || !p.direct() || !ctx.usable(index, at)) {
                continue;
            }
            long when = ctx.renewIfDue(index, at);
            String reported = p.deviceClass().otherFirmware(p.site());
            String label = p.deviceId() + " reports firmware " + reported + ", expected "
                    + p.deviceClass().firmware(p.site());
            ctx.emit(ctx.events.telemetry(p.deviceId(), ctx.connection(p, ctx.currentCredential(index)),
                    ctx.dataPaths.normal(p, ctx.random), ctx.bytes(p), reported, when,
                    new Incident(AlertType.FIRMWARE_DRIFT, label)));
            return true;
        }
        return false;
    }
}
