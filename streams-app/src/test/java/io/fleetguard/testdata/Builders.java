package io.fleetguard.testdata;

import java.time.Instant;

/**
 * Entry points for test data: {@code aDevice("cam-1").withCredential(aCredential("ab12")).build()}.
 * Every builder starts from a plausible, valid record so a test states only what it is about.
 */
public final class Builders {

    /** The default instant builders use for registry timestamps (issuedAt, updatedAt). */
    public static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private Builders() {
    }

    public static DeviceBuilder aDevice(String deviceId) {
        return new DeviceBuilder(deviceId);
    }

    public static CredentialBuilder aCredential(String fingerprint) {
        return new CredentialBuilder(fingerprint);
    }

    public static AuthEventBuilder anAuthEvent(String eventId, String deviceId, Instant timestamp) {
        return new AuthEventBuilder(eventId, deviceId, timestamp);
    }

    public static TelemetryBuilder aTelemetry(String eventId, String deviceId, Instant timestamp) {
        return new TelemetryBuilder(eventId, deviceId, timestamp);
    }

    public static ConfigChangeBuilder aConfigChange(String eventId, String deviceId, Instant timestamp) {
        return new ConfigChangeBuilder(eventId, deviceId, timestamp);
    }

    public static SupportSessionBuilder aSupportSession(String sessionId, String deviceId, Instant startedAt) {
        return new SupportSessionBuilder(sessionId, deviceId, startedAt);
    }
}
