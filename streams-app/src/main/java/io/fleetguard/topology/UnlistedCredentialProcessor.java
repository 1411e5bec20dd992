package io.fleetguard.topology;

import io.fleetguard.alert.AlertFactory;
import io.fleetguard.detect.Activity;
import io.fleetguard.detect.Finding;
import io.fleetguard.detect.UnlistedCredentialRule;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.IdentityAlert;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;

/**
 * Judges successful authentications over a credential the device's registry entry does not list
 * against the device's earlier registry versions, read from the registry's own versioned store
 * (same key, same task as the join). Only those rare events read the store.
 */
final class UnlistedCredentialProcessor implements FixedKeyProcessor<String, Observation, IdentityAlert> {

    private final UnlistedCredentialRule rule;
    private FixedKeyProcessorContext<String, IdentityAlert> context;
    private VersionedKeyValueStore<String, DeviceIdentity> registry;

    UnlistedCredentialProcessor(io.fleetguard.detect.Policy policy) {
        this.rule = new UnlistedCredentialRule(policy);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, IdentityAlert> context) {
        this.context = context;
        this.registry = context.getStateStore(FleetGuardTopology.REGISTRY_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, Observation> record) {
        Observation o = record.value();
        if (!rule.applies(o.activity(), o.identity())) {
            return;
        }
        String deviceId = record.key();
        Activity activity = o.activity();
        UnlistedCredentialRule.Version current = version(deviceId, activity.timestamp());
        if (current == null) {
            // The join found an identity the store no longer returns (past its history): judge that one.
            current = new UnlistedCredentialRule.Version(o.identity(), activity.timestamp());
        }
        for (Finding f : rule.detect(activity, current, validFrom -> version(deviceId, validFrom - 1))) {
            context.forward(record.withValue(AlertFactory.create(f, activity, o.identity())));
        }
    }

    private UnlistedCredentialRule.Version version(String deviceId, long asOf) {
        VersionedRecord<DeviceIdentity> v = registry.get(deviceId, asOf);
        return v == null ? null : new UnlistedCredentialRule.Version(v.value(), v.timestamp());
    }
}
