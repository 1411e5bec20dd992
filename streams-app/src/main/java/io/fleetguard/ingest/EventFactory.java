package io.fleetguard.ingest;

import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.AuthMethod;
import io.fleetguard.schema.AuthOutcome;
import io.fleetguard.schema.TelemetryRecord;

import java.time.Instant;

/**
 * Builds the normalized records for one adapter: every text value sanitized, deviceId from the
 * identity mapping, a deterministic id, origin set to the adapter. Fingerprints stay null because
 * none of the supported logs names a certificate fingerprint; the principal (username, CN or AWS
 * principal id) is the identity.
 */
final class EventFactory {

    /** The record a line came from: what every event id is derived from. */
    record Source(String brokerId, String line, long recordTimestamp) {
    }

    private final LogFormat format;
    private final IdentityMapping mapping;

    EventFactory(LogFormat format, IdentityMapping mapping) {
        this.format = format;
        this.mapping = mapping;
    }

    /** A successful authentication when failureReason is null, a failed one otherwise. */
    AuthEvent auth(Source source, int ordinal, long timestamp, BrokerIdentity identity, AuthMethod method,
                   String failureReason, String sourceIp) {
        BrokerIdentity clean = clean(identity);
        return AuthEvent.newBuilder()
                .setEventId(EventIds.of(format, source.brokerId(), source.recordTimestamp(), source.line(), ordinal))
                .setTimestamp(Instant.ofEpochMilli(timestamp))
                .setDeviceId(deviceId(clean))
                .setClientId(clean.clientId())
                .setPrincipal(clean.principal())
                .setCredentialFingerprint(null)
                .setMethod(method)
                .setOutcome(failureReason == null ? AuthOutcome.SUCCESS : AuthOutcome.FAILURE)
                .setFailureReason(failureReason == null ? null : SafeFields.clean(failureReason))
                .setSourceIp(SafeFields.clean(sourceIp))
                .setBrokerId(SafeFields.clean(source.brokerId()))
                .setGatewayId(null)
                .setOrigin(format.origin())
                .build();
    }

    /** Metadata of one message the connection published (or tried to: denied publishes count too). */
    TelemetryRecord telemetry(Source source, int ordinal, long timestamp, BrokerIdentity identity, String sourceIp,
                              String destination, long bytes) {
        BrokerIdentity clean = clean(identity);
        return TelemetryRecord.newBuilder()
                .setEventId(EventIds.of(format, source.brokerId(), source.recordTimestamp(), source.line(), ordinal))
                .setTimestamp(Instant.ofEpochMilli(timestamp))
                .setDeviceId(deviceId(clean))
                .setPrincipal(clean.principal())
                .setCredentialFingerprint(null)
                .setClientId(clean.clientId())
                .setSourceIp(SafeFields.clean(sourceIp))
                .setBrokerId(SafeFields.clean(source.brokerId()))
                .setGatewayId(null)
                .setDestination(destination(destination))
                .setBytes(Math.max(0, bytes))
                .setReportedFirmware(null)
                .build();
    }

    private String deviceId(BrokerIdentity identity) {
        String id = SafeFields.clean(mapping.deviceIdFor(identity));
        return id != null ? id : IdentityMapping.UNIDENTIFIED;
    }

    private static String destination(String destination) {
        String clean = SafeFields.clean(destination);
        if (clean == null) {
            throw new IllegalArgumentException("callers reject lines without a destination");
        }
        return clean;
    }

    private static BrokerIdentity clean(BrokerIdentity identity) {
        return new BrokerIdentity(SafeFields.clean(identity.clientId()), SafeFields.clean(identity.username()),
                SafeFields.clean(identity.certificateCn()), SafeFields.clean(identity.principal()));
    }
}
