package io.fleetguard.testdata;

import io.fleetguard.detect.Activity;
import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.ChangeType;
import io.fleetguard.schema.ConfigChange;

import java.time.Instant;

/** Builds a {@link ConfigChange}; defaults: a FIRMWARE change by actor "ops-team" (OWNER), no values, ticket or session. */
public final class ConfigChangeBuilder {

    private final ConfigChange.Builder change;

    ConfigChangeBuilder(String eventId, String deviceId, Instant timestamp) {
        change = ConfigChange.newBuilder()
                .setEventId(eventId)
                .setTimestamp(timestamp)
                .setDeviceId(deviceId)
                .setActor("ops-team")
                .setActorType(ActorType.OWNER)
                .setChangeType(ChangeType.FIRMWARE)
                .setFromValue(null)
                .setToValue(null)
                .setTicketId(null)
                .setSupportSessionId(null);
    }

    public ConfigChangeBuilder byActor(String actor, ActorType actorType) {
        change.setActor(actor).setActorType(actorType);
        return this;
    }

    public ConfigChangeBuilder withChangeType(ChangeType changeType) {
        change.setChangeType(changeType);
        return this;
    }

    public ConfigChangeBuilder from(String fromValue) {
        change.setFromValue(fromValue);
        return this;
    }

    public ConfigChangeBuilder to(String toValue) {
        change.setToValue(toValue);
        return this;
    }

    public ConfigChangeBuilder withTicket(String ticketId) {
        change.setTicketId(ticketId);
        return this;
    }

    public ConfigChangeBuilder withSupportSession(String supportSessionId) {
        change.setSupportSessionId(supportSessionId);
        return this;
    }

    public ConfigChange build() {
        return change.build();
    }

    public Activity toActivity() {
        return Activity.of(build());
    }
}
