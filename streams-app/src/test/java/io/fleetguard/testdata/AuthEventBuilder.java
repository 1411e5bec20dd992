package io.fleetguard.testdata;

import io.fleetguard.detect.Activity;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.AuthMethod;
import io.fleetguard.schema.AuthOutcome;

import java.time.Instant;

/**
 * Builds an {@link AuthEvent}; defaults: SUCCESS over MTLS, clientId = deviceId, source
 * 10.0.0.10, broker "broker-1", origin "native", no principal, fingerprint or gateway.
 */
public final class AuthEventBuilder {

    private final AuthEvent.Builder event;

    AuthEventBuilder(String eventId, String deviceId, Instant timestamp) {
        event = AuthEvent.newBuilder()
                .setEventId(eventId)
                .setTimestamp(timestamp)
                .setDeviceId(deviceId)
                .setClientId(deviceId)
                .setPrincipal(null)
                .setCredentialFingerprint(null)
                .setMethod(AuthMethod.MTLS)
                .setOutcome(AuthOutcome.SUCCESS)
                .setFailureReason(null)
                .setSourceIp("10.0.0.10")
                .setBrokerId("broker-1")
                .setGatewayId(null)
                .setOrigin("native");
    }

    public AuthEventBuilder success() {
        event.setOutcome(AuthOutcome.SUCCESS).setFailureReason(null);
        return this;
    }

    public AuthEventBuilder failure(String reason) {
        event.setOutcome(AuthOutcome.FAILURE).setFailureReason(reason);
        return this;
    }

    public AuthEventBuilder withMethod(AuthMethod method) {
        event.setMethod(method);
        return this;
    }

    public AuthEventBuilder withPrincipal(String principal) {
        event.setPrincipal(principal);
        return this;
    }

    public AuthEventBuilder withFingerprint(String fingerprint) {
        event.setCredentialFingerprint(fingerprint);
        return this;
    }

    public AuthEventBuilder withClientId(String clientId) {
        event.setClientId(clientId);
        return this;
    }

    public AuthEventBuilder withSourceIp(String sourceIp) {
        event.setSourceIp(sourceIp);
        return this;
    }

    public AuthEventBuilder withBrokerId(String brokerId) {
        event.setBrokerId(brokerId);
        return this;
    }

    public AuthEventBuilder withGatewayId(String gatewayId) {
        event.setGatewayId(gatewayId);
        return this;
    }

    public AuthEventBuilder withOrigin(String origin) {
        event.setOrigin(origin);
        return this;
    }

    public AuthEvent build() {
        return event.build();
    }

    public Activity toActivity() {
        return Activity.of(build());
    }
}
