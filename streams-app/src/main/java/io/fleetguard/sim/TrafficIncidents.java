package io.fleetguard.sim;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.AuthMethod;
import io.fleetguard.schema.Credential;

/**
 * Incidents about who sends what from where: a device the registry has never seen, telemetry
 * for one device over another's (or a forged) credential, and telemetry leaving its allowed
 * paths or networks. Every other aspect of each event is kept normal, so it raises only its type.
 */
final class TrafficIncidents {

    private static final int UNREGISTERED_RANGE = 1_000_000;

    private final SimContext ctx;

    TrafficIncidents(SimContext ctx) {
        this.ctx = ctx;
    }

    /** An id numbered past the fleet's end, so no registry record ever names it. */
    boolean unknownDevice(long at) {
        int index = ctx.layout.devices() + ctx.random.nextInt(UNREGISTERED_RANGE);
        String id = DeviceClass.values()[ctx.random.nextInt(DeviceClass.values().length)].deviceId(index);
        int site = 1 + ctx.random.nextInt(ctx.layout.sites());
        Connection connection = new Connection(id, FakeSecrets.fingerprint(ctx.seed, FakeSecrets.UNREGISTERED, index, 0),
                AuthMethod.MTLS, id, ctx.strangerIp(site), ctx.layout.brokerId(site), null);
        int roll = ctx.random.nextInt(5);
        if (roll < 2) {
            String topic = "fleet/" + ctx.layout.siteName(site) + "/" + id + "/telemetry/state";
            ctx.emit(ctx.events.telemetry(id, connection, topic, 64 + ctx.random.nextInt(4_000), null, at,
                    incident(AlertType.UNKNOWN_DEVICE, "unregistered device " + id + " sent telemetry")));
        } else {
            // A failure must not add to a failure burst of its id or its address.
            boolean success = roll < 4 || !AuthIncidents.failureClear(ctx, id, connection.sourceIp(), at, at);
            String what = success ? " authenticated" : " failed to authenticate";
            ctx.emit(ctx.events.auth(id, connection, success, at,
                    incident(AlertType.UNKNOWN_DEVICE, "unregistered device " + id + what)));
        }
        return true;
    }

    /** Telemetry claiming a direct device, over a cell neighbour's credential or a forged one. */
    boolean impersonation(long at) {
        DeviceProfile victim = ctx.profile(ctx.pickEligible(at, DeviceProfile::direct));
        int thief = neighbour(victim);
        Connection connection;
        String label;
        long when = at;
        if (thief >= 0 && ctx.random.nextBoolean()) {
            when = ctx.renewIfDue(thief, at);
            DeviceProfile t = ctx.profile(thief);
            connection = ctx.connection(t, ctx.currentCredential(thief));
            label = "telemetry for " + victim.deviceId() + " sent over " + t.deviceId() + "'s credential";
        } else {
            Credential claimed = ctx.currentCredential(victim.index());
            String forged = FakeSecrets.fingerprint(ctx.seed, FakeSecrets.FORGED, ctx.random.nextLong() >>> 1, 0);
            connection = new Connection(claimed.getPrincipal(), forged, CredentialIssuer.method(claimed.getType()),
                    "mqttx_" + Integer.toHexString(ctx.random.nextInt()), ctx.strangerIp(victim.site()),
                    ctx.layout.brokerId(victim.site()), null);
            label = "telemetry for " + victim.deviceId() + " sent over an unregistered credential";
        }
        ctx.emit(ctx.events.telemetry(victim.deviceId(), connection, ctx.dataPaths.normal(victim, ctx.random),
                ctx.bytes(victim), null, when, incident(AlertType.IMPERSONATED_TELEMETRY, label)));
        return true;
    }

    /** A direct device's own, fresh connection sending off its allowed paths, or from outside its site. */
    boolean offPath(long at) {
        int index = ctx.pickEligible(at, DeviceProfile::direct);
        long when = ctx.renewIfDue(index, at);
        DeviceProfile p = ctx.profile(index);
        Connection connection = ctx.connection(p, ctx.currentCredential(index));
        String destination;
        String label;
        if (ctx.random.nextInt(4) == 0) {
            // 203.0.113.0/24 is TEST-NET-3: outside every site's 10.x network.
            connection = connection.fromIp("203.0.113." + (1 + ctx.random.nextInt(254)));
            destination = ctx.dataPaths.normal(p, ctx.random);
            label = p.deviceId() + " sent telemetry from " + connection.sourceIp() + " outside its site network";
        } else {
            destination = ctx.dataPaths.offPath(p, ctx.random);
            label = p.deviceId() + " sent telemetry to " + destination + " outside its allowed paths";
        }
        ctx.emit(ctx.events.telemetry(p.deviceId(), connection, destination, ctx.bytes(p), null, when,
                incident(AlertType.UNEXPECTED_DATA_PATH, label)));
        return true;
    }

    /** Another eligible, direct device of the victim's cell, or -1. */
    private int neighbour(DeviceProfile victim) {
        int first = ctx.layout.gatewayOf(victim.index());
        for (int attempt = 0; attempt < 8; attempt++) {
            int candidate = first + ctx.random.nextInt(FleetLayout.CELL);
            if (candidate != victim.index() && candidate < ctx.layout.devices()) {
                DeviceProfile p = ctx.profile(candidate);
                if (p.eligible() && p.direct()) {
                    return candidate;
                }
            }
        }
        return -1;
    }

    private static Incident incident(AlertType type, String label) {
        return new Incident(type, label);
    }
}
