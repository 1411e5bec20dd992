package io.fleetguard.testdata;

import io.fleetguard.detect.Activity;
import io.fleetguard.schema.RemoteSupportSession;

import java.time.Instant;

/** Builds a {@link RemoteSupportSession}; defaults: vendor "acme-support", operator "op-1", ssh from 198.51.100.7, still open, no ticket. */
public final class SupportSessionBuilder {

    private final RemoteSupportSession.Builder session;

    SupportSessionBuilder(String sessionId, String deviceId, Instant startedAt) {
        session = RemoteSupportSession.newBuilder()
                .setSessionId(sessionId)
                .setDeviceId(deviceId)
                .setVendor("acme-support")
                .setOperator("op-1")
                .setStartedAt(startedAt)
                .setEndedAt(null)
                .setTicketId(null)
                .setSourceIp("198.51.100.7")
                .setMethod("ssh");
    }

    public SupportSessionBuilder withVendor(String vendor) {
        session.setVendor(vendor);
        return this;
    }

    public SupportSessionBuilder withOperator(String operator) {
        session.setOperator(operator);
        return this;
    }

    public SupportSessionBuilder endedAt(Instant endedAt) {
        session.setEndedAt(endedAt);
        return this;
    }

    public SupportSessionBuilder withTicket(String ticketId) {
        session.setTicketId(ticketId);
        return this;
    }

    public SupportSessionBuilder withSourceIp(String sourceIp) {
        session.setSourceIp(sourceIp);
        return this;
    }

    public SupportSessionBuilder withMethod(String method) {
        session.setMethod(method);
        return this;
    }

    public RemoteSupportSession build() {
        return session.build();
    }

    public Activity toActivity() {
        return Activity.of(build());
    }
}
