package io.fleetguard.sim;

import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.AuthOutcome;
import io.fleetguard.schema.ChangeType;
import io.fleetguard.schema.ConfigChange;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.RemoteSupportSession;
import io.fleetguard.schema.TelemetryRecord;

import java.time.Instant;

/** Builds the Avro records of the simulation, numbering events sim-&lt;seed&gt;-&lt;n&gt; in creation order. */
final class EventFactory {

    private final String prefix;
    private long next;

    EventFactory(long seed) {
        this.prefix = "sim-" + seed + "-";
    }

    String nextId() {
        return prefix + next++;
    }

    SimEvent registry(DeviceIdentity identity) {
        return new SimEvent(SimEvent.Stream.REGISTRY, identity.getDeviceId(), identity,
                identity.getUpdatedAt().toEpochMilli(), null, null);
    }

    SimEvent auth(String deviceId, Connection c, boolean success, long at, Incident incident) {
        AuthEvent event = AuthEvent.newBuilder()
                .setEventId(nextId())
                .setTimestamp(Instant.ofEpochMilli(at))
                .setDeviceId(deviceId)
                .setClientId(c.clientId())
                .setPrincipal(c.principal())
                .setCredentialFingerprint(c.fingerprint())
                .setMethod(c.method())
                .setOutcome(success ? AuthOutcome.SUCCESS : AuthOutcome.FAILURE)
                .setFailureReason(success ? null : "not authorized")
                .setSourceIp(c.sourceIp())
                .setBrokerId(c.brokerId())
                .setGatewayId(c.gatewayId())
                .setOrigin("native")
                .build();
        return event(SimEvent.Stream.AUTH, deviceId, event, at, incident);
    }

    SimEvent telemetry(String deviceId, Connection c, String destination, long bytes, String firmware,
                       long at, Incident incident) {
        TelemetryRecord record = TelemetryRecord.newBuilder()
                .setEventId(nextId())
                .setTimestamp(Instant.ofEpochMilli(at))
                .setDeviceId(deviceId)
                .setPrincipal(c.principal())
                .setCredentialFingerprint(c.fingerprint())
                .setClientId(c.clientId())
                .setSourceIp(c.sourceIp())
                .setBrokerId(destination.startsWith("https://") ? "ingest-1" : c.brokerId())
                .setGatewayId(c.gatewayId())
                .setDestination(destination)
                .setBytes(bytes)
                .setReportedFirmware(firmware)
                .build();
        return event(SimEvent.Stream.TELEMETRY, deviceId, record, at, incident);
    }

    /** A configuration change; the ticket and session are null unless made in a support session. */
    SimEvent config(String deviceId, String actor, ActorType actorType, ChangeType change, String from, String to,
                    String ticketId, String sessionId, long at) {
        return config(deviceId, actor, actorType, change, from, to, ticketId, sessionId, at, null);
    }

    SimEvent config(String deviceId, String actor, ActorType actorType, ChangeType change, String from, String to,
                    String ticketId, String sessionId, long at, Incident incident) {
        ConfigChange record = ConfigChange.newBuilder()
                .setEventId(nextId())
                .setTimestamp(Instant.ofEpochMilli(at))
                .setDeviceId(deviceId)
                .setActor(actor)
                .setActorType(actorType)
                .setChangeType(change)
                .setFromValue(from)
                .setToValue(to)
                .setTicketId(ticketId)
                .setSupportSessionId(sessionId)
                .build();
        return event(SimEvent.Stream.CONFIG, deviceId, record, at, incident);
    }

    /** The start (endedAt null) or end update of a support session, at its own event time. */
    SimEvent session(RemoteSupportSession session, Incident incident) {
        long at = (session.getEndedAt() != null ? session.getEndedAt() : session.getStartedAt()).toEpochMilli();
        return event(SimEvent.Stream.SUPPORT, session.getDeviceId(), session, at, incident);
    }

    private static SimEvent event(SimEvent.Stream stream, String key, org.apache.avro.specific.SpecificRecord value,
                                  long at, Incident incident) {
        return incident == null
                ? new SimEvent(stream, key, value, at, null, null)
                : new SimEvent(stream, key, value, at, incident.type(), incident.label());
    }
}
