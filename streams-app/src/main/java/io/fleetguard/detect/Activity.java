package io.fleetguard.detect;

import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.AuthOutcome;
import io.fleetguard.schema.ConfigChange;
import io.fleetguard.schema.RemoteSupportSession;
import io.fleetguard.schema.TelemetryRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * One thing a device (or someone acting on it) did, normalized from any of the four input
 * contracts so that detectors read a single shape. The original record stays reachable for
 * detectors that need fields only one contract has.
 *
 * @param timestamp event time in epoch millis: the instant the registry is judged at
 * @param success   true for a successful authentication and for every non-auth activity
 */
public record Activity(
        Kind kind,
        String eventId,
        long timestamp,
        String deviceId,
        String principal,
        String credentialFingerprint,
        String clientId,
        String sourceIp,
        String brokerId,
        String gatewayId,
        boolean success,
        String destination,
        SpecificRecord event) {

    /** Which input contract an activity came from. */
    public enum Kind { AUTH, TELEMETRY, CONFIG_CHANGE, SUPPORT_SESSION }

    public static Activity of(AuthEvent e) {
        return new Activity(Kind.AUTH, e.getEventId(), e.getTimestamp().toEpochMilli(), e.getDeviceId(),
                e.getPrincipal(), e.getCredentialFingerprint(), e.getClientId(), e.getSourceIp(),
                e.getBrokerId(), e.getGatewayId(), e.getOutcome() == AuthOutcome.SUCCESS, null, e);
    }

    public static Activity of(TelemetryRecord t) {
        return new Activity(Kind.TELEMETRY, t.getEventId(), t.getTimestamp().toEpochMilli(), t.getDeviceId(),
                t.getPrincipal(), t.getCredentialFingerprint(), t.getClientId(), t.getSourceIp(),
                t.getBrokerId(), t.getGatewayId(), true, t.getDestination(), t);
    }

    public static Activity of(ConfigChange c) {
        return new Activity(Kind.CONFIG_CHANGE, c.getEventId(), c.getTimestamp().toEpochMilli(), c.getDeviceId(),
                c.getActor(), null, null, null, null, null, true, null, c);
    }

    /**
     * A support session is an activity at its end when it has ended, else at its start, so the
     * start and the end update are two activities with distinct ids.
     */
    public static Activity of(RemoteSupportSession s) {
        boolean ended = s.getEndedAt() != null;
        long at = ended ? s.getEndedAt().toEpochMilli() : s.getStartedAt().toEpochMilli();
        String id = s.getSessionId() + (ended ? ":end" : ":start");
        return new Activity(Kind.SUPPORT_SESSION, id, at, s.getDeviceId(),
                s.getOperator(), null, null, s.getSourceIp(), null, null, true, null, s);
    }

    /**
     * A credential is "used" by a successful authentication or by a telemetry record sent over
     * an authenticated connection (DESIGN.md section 5). Failed attempts are tries, not uses.
     */
    public boolean isCredentialUse() {
        return (kind == Kind.AUTH && success) || kind == Kind.TELEMETRY;
    }

    public boolean isFailedAuth() {
        return kind == Kind.AUTH && !success;
    }

    public AuthEvent authEvent() {
        return kind == Kind.AUTH ? (AuthEvent) event : null;
    }

    public TelemetryRecord telemetry() {
        return kind == Kind.TELEMETRY ? (TelemetryRecord) event : null;
    }

    public ConfigChange configChange() {
        return kind == Kind.CONFIG_CHANGE ? (ConfigChange) event : null;
    }

    public RemoteSupportSession supportSession() {
        return kind == Kind.SUPPORT_SESSION ? (RemoteSupportSession) event : null;
    }
}
