package io.fleetguard.testdata;

import io.fleetguard.detect.Activity;
import io.fleetguard.schema.TelemetryRecord;

import java.time.Instant;

/**
 * Builds a {@link TelemetryRecord}; defaults: destination "devices/{deviceId}/telemetry",
 * clientId = deviceId, source 10.0.0.10, broker "broker-1", 128 bytes, no principal,
 * fingerprint, gateway or firmware.
 */
public final class TelemetryBuilder {

    private final TelemetryRecord.Builder record;

    TelemetryBuilder(String eventId, String deviceId, Instant timestamp) {
        record = TelemetryRecord.newBuilder()
                .setEventId(eventId)
                .setTimestamp(timestamp)
                .setDeviceId(deviceId)
                .setPrincipal(null)
                .setCredentialFingerprint(null)
                .setClientId(deviceId)
                .setSourceIp("10.0.0.10")
                .setBrokerId("broker-1")
                .setGatewayId(null)
                .setDestination("devices/" + deviceId + "/telemetry")
                .setBytes(128)
                .setReportedFirmware(null);
    }

    public TelemetryBuilder withDestination(String destination) {
        record.setDestination(destination);
        return this;
    }

    public TelemetryBuilder withPrincipal(String principal) {
        record.setPrincipal(principal);
        return this;
    }

    public TelemetryBuilder withFingerprint(String fingerprint) {
        record.setCredentialFingerprint(fingerprint);
        return this;
    }

    public TelemetryBuilder withClientId(String clientId) {
        record.setClientId(clientId);
        return this;
    }

    public TelemetryBuilder withSourceIp(String sourceIp) {
        record.setSourceIp(sourceIp);
        return this;
    }

    public TelemetryBuilder withBrokerId(String brokerId) {
        record.setBrokerId(brokerId);
        return this;
    }

    public TelemetryBuilder withGatewayId(String gatewayId) {
        record.setGatewayId(gatewayId);
        return this;
    }

    public TelemetryBuilder withBytes(long bytes) {
        record.setBytes(bytes);
        return this;
    }

    public TelemetryBuilder withReportedFirmware(String firmware) {
        record.setReportedFirmware(firmware);
        return this;
    }

    public TelemetryRecord build() {
        return record.build();
    }

    public Activity toActivity() {
        return Activity.of(build());
    }
}
