package io.fleetguard.sim;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.DeviceStatus;

import java.util.function.Predicate;

/**
 * Lifecycle incidents: a use of a device the registry says is retired, decommissioned or
 * suspended, or has no owner (the fleet's few such devices, which normal traffic leaves alone),
 * and the return of a device after the dormancy period. Each is an ordinary use of the device's
 * own, fresh credential over its own paths and address, so it raises only its type.
 *
 * <p>Dormancy needs the dormancy period (90 days by default) of event time: a few ordinary
 * devices are parked, kept silent after a last use, and one that has been silent long enough,
 * but not so long that the detector has forgotten it (twice the period), is used again. A
 * simulation shorter than the period never reactivates one.
 */
final class LifecycleIncidents {

    private static final int ATTEMPTS = 128;
    /** How many devices wait for their reactivation at a time. */
    static final int PARKED = 4;

    private final SimContext ctx;

    LifecycleIncidents(SimContext ctx) {
        this.ctx = ctx;
    }

    boolean retired(long at) {
        return use(at, p -> p.owner() != null && (p.status() == DeviceStatus.RETIRED
                || p.status() == DeviceStatus.DECOMMISSIONED || p.status() == DeviceStatus.SUSPENDED),
                AlertType.RETIRED_IDENTITY_ACTIVE);
    }

    boolean orphaned(long at) {
        return use(at, p -> p.owner() == null && (p.status() == DeviceStatus.ACTIVE
                || p.status() == DeviceStatus.PROVISIONED), AlertType.ORPHANED_IDENTITY);
    }

    /**
     * Reactivates the longest-parked device that is ripe; otherwise parks one more device (after
     * a first use, if it has none yet) and leaves the tick to normal traffic.
     */
    boolean dormant(long at) {
        for (int index : ctx.uses.parked()) {
            if (ctx.uses.reactivatable(index, at) && ctx.rotatable(index, at)) {
                DeviceProfile p = ctx.profile(index);
                long silent = (at - ctx.uses.lastUse(index)) / CredentialClock.DAY;
                long when = ctx.renewIfDue(index, at);
                ctx.uses.reactivate(index, when);
                boolean telemetry = ctx.random.nextBoolean();
                String label = p.deviceId() + (telemetry ? " sent telemetry" : " authenticated") + " after "
                        + silent + " days of silence";
                ctx.use(p, ctx.currentCredential(index), when, telemetry,
                        new Incident(AlertType.DORMANT_IDENTITY_REACTIVATED, label));
                return true;
            }
            if (ctx.uses.forgotten(index, at)) {
                // Missed its chance (too few dormancy incidents); it stays quiet for good.
                ctx.uses.unpark(index);
            }
        }
        if (ctx.uses.parked().size() < PARKED) {
            park(at);
        }
        return false;
    }

    /**
     * The history before start of the fleet's returning devices: each was last used just over a
     * dormancy period ago, then went silent (parked), so a dormancy incident can reactivate it at once.
     */
    void returningDevices(FleetGenerator fleet) {
        int[] returning = fleet.returning();
        for (int position = 0; position < returning.length; position++) {
            int index = returning[position];
            ctx.use(ctx.profile(index), ctx.currentCredential(index), fleet.lastUseBeforeStart(position), false, null);
            ctx.uses.park(index);
        }
    }

    private void park(long at) {
        int index = ctx.pickEligible(at, p -> p.direct() && p.role() == DeviceRole.NORMAL);
        DeviceProfile p = ctx.profile(index);
        if (!p.eligible() || !p.direct() || p.role() != DeviceRole.NORMAL || !ctx.usable(index, at)) {
            return;
        }
        if (ctx.uses.lastUse(index) == UseLog.NEVER) {
            // A device never seen has no silence to end: give it a last use before the silence.
            long when = ctx.renewIfDue(index, at);
            ctx.use(p, ctx.currentCredential(index), when, false, null);
        }
        ctx.uses.park(index);
    }

    /** A use by a device of the normal role that the filter picks out (status, owner), direct and not quiet. */
    private boolean use(long at, Predicate<DeviceProfile> filter, AlertType type) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int index = ctx.random.nextInt(ctx.layout.devices());
            DeviceProfile p = ctx.profile(index);
            if (p.role() != DeviceRole.NORMAL || !p.direct() || !filter.test(p)
                    || !ctx.usable(index, at) || !ctx.rotatable(index, at)) {
                continue;
            }
            long when = ctx.renewIfDue(index, at);
            boolean telemetry = ctx.random.nextBoolean();
            String what = telemetry ? " sent telemetry" : " authenticated";
            String label = type == AlertType.ORPHANED_IDENTITY
                    ? "ownerless device " + p.deviceId() + what
                    : p.status() + " device " + p.deviceId() + what;
            ctx.use(p, ctx.currentCredential(index), when, telemetry, new Incident(type, label));
            return true;
        }
        return false;
    }
}
