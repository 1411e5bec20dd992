package io.fleetguard.sim;

import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.ChangeType;

/**
 * Quiet traffic: telemetry, connects, credential rotations, owner configuration changes and
 * approved support sessions, each by an active, owned device with fresh credentials, over its
 * own allowed paths and networks, never one that has gone quiet or is parked for a dormancy
 * incident, and never a failed authentication, so that none of it raises an alert.
 */
final class NormalTraffic {

    private final SimContext ctx;
    private final SupportSessions support;

    NormalTraffic(SimContext ctx) {
        this.ctx = ctx;
        this.support = new SupportSessions(ctx);
    }

    /** One action at {@code at}, per mille: 1 rotation, 5 config changes, 3 support tries (else a connect), 140 connects, the rest telemetry. */
    void act(long at) {
        int roll = ctx.random.nextInt(1000);
        if (roll >= 6 && roll < 9 && support.start(at)) {
            return;
        }
        if (roll < 1) {
            rotate(at);
        } else if (roll < 6) {
            configChange(at);
        } else if (roll < 180) {
            connect(at);
        } else {
            telemetry(at);
        }
    }

    private void telemetry(long at) {
        int index = ctx.pickEligible(at, p -> true);
        DeviceProfile p = ctx.profile(index);
        if (p.direct()) {
            long when = ctx.renewIfDue(index, at);
            ctx.use(p, ctx.currentCredential(index), when, true, null);
            return;
        }
        // A gateway-mediated sensor's data arrives over its gateway's connection.
        int gatewayIndex = ctx.layout.gatewayOf(index);
        long when = ctx.renewIfDue(gatewayIndex, at);
        DeviceProfile gateway = ctx.profile(gatewayIndex);
        Connection own = ctx.connection(gateway, ctx.currentCredential(gatewayIndex));
        Connection relay = new Connection(own.principal(), own.fingerprint(), own.method(), own.clientId(),
                own.sourceIp(), own.brokerId(), gateway.deviceId());
        ctx.emit(ctx.events.telemetry(p.deviceId(), relay, ctx.dataPaths.normal(p, ctx.random), ctx.bytes(p),
                ctx.firmware(p), when, null));
    }

    private void connect(long at) {
        int index = ctx.pickEligible(at, DeviceProfile::direct);
        long when = ctx.renewIfDue(index, at);
        ctx.use(ctx.profile(index), ctx.currentCredential(index), when, false, null);
    }

    private void rotate(long at) {
        int index = ctx.pickEligible(at, p -> p.direct() && ctx.rotatable(p.index(), at));
        if (ctx.rotatable(index, at)) {
            ctx.rotate(index, at, false);
        } else {
            connect(at);
        }
    }

    private void configChange(long at) {
        DeviceProfile p = ctx.profile(ctx.pickEligible(at, q -> true));
        if (ctx.random.nextBoolean()) {
            ctx.emit(ctx.events.config(p.deviceId(), p.owner(), ActorType.OWNER, ChangeType.OTHER,
                    "reporting-interval=60s", "reporting-interval=30s", null, null, at));
        } else {
            String ntp = "ntp=" + ctx.layout.address(p.site(), 1);
            ctx.emit(ctx.events.config(p.deviceId(), p.owner(), ActorType.OWNER, ChangeType.NETWORK,
                    ntp, "ntp=" + ctx.layout.address(p.site(), 2), null, null, at));
        }
    }
}
