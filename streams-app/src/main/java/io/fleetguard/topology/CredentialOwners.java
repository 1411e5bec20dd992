package io.fleetguard.topology;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.IdentityAlert;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which device a credential fingerprint is registered to, as of event time, so that
 * IMPERSONATED_TELEMETRY (and CLONED_IDENTITY over an unlisted credential) can name the device whose
 * credential was used. The versioned store {@code credential-owners} is fed from the registry (one
 * record per listed credential, keyed by fingerprint); the alerts, which are rare, arrive keyed by
 * that fingerprint too and are looked up as of their event time. Both reach this processor through
 * the cross-device repartition topic ({@link CrossDeviceInput}). A credential removed from a device
 * keeps its last owner (registry records carry no "removed" marker).
 *
 * <p>The owner's registration and the alert come from different input partitions, so from different
 * tasks: while a backlog is caught up, the alert's task can run ahead and the lookup find no owner
 * yet. The alert then goes out without one (never with a wrong one).
 */
final class CredentialOwners implements FixedKeyProcessor<String, CrossDeviceInput, IdentityAlert> {

    static final String STORE = "credential-owners";

    private FixedKeyProcessorContext<String, IdentityAlert> context;
    private VersionedKeyValueStore<String, String> owners;

    /** The processor, with the versioned store it keeps {@code history} of. */
    static FixedKeyProcessorSupplier<String, CrossDeviceInput, IdentityAlert> supplier(Duration history, StateStores stores) {
        return new FixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<String, CrossDeviceInput, IdentityAlert> get() {
                return new CredentialOwners();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(stores.versionedKeyValue(STORE, history, Serdes.String(), Serdes.String()));
            }
        };
    }

    /** One (fingerprint, device) per credential an entry lists; none for a deleted entry. */
    static List<KeyValue<String, CrossDeviceInput>> ownerships(String deviceId, DeviceIdentity identity) {
        List<KeyValue<String, CrossDeviceInput>> out = new ArrayList<>();
        if (identity != null) {
            for (Credential c : identity.getCredentials()) {
                out.add(KeyValue.pair(fingerprintKey(c.getFingerprint()), new CrossDeviceInput.Owner(deviceId)));
            }
        }
        return out;
    }

    /** The key of a fingerprint in the owners' store: fingerprints compare case-insensitively. */
    static String fingerprintKey(String fingerprint) {
        return fingerprint.toLowerCase(Locale.ROOT);
    }

    /**
     * IMPERSONATED_TELEMETRY, and CLONED_IDENTITY over an unlisted credential, when their subject is
     * the fingerprint of a credential (not a principal): the alerts that can name the owner.
     */
    static boolean namesForeignFingerprint(IdentityAlert a) {
        boolean foreign = a.getType() == AlertType.IMPERSONATED_TELEMETRY
                || (a.getType() == AlertType.CLONED_IDENTITY && "unlisted-credential".equals(a.getEvidence().get("reason")));
        return foreign && !a.getSubject().startsWith("principal:");
    }

    @Override
    public void init(FixedKeyProcessorContext<String, IdentityAlert> context) {
        this.context = context;
        this.owners = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, CrossDeviceInput> record) {
        if (record.value() instanceof CrossDeviceInput.Owner owner) {
            owners.put(record.key(), owner.deviceId(), record.timestamp());
        } else if (record.value() instanceof CrossDeviceInput.ForeignAlert foreign) {
            VersionedRecord<String> owner = owners.get(record.key(), record.timestamp());
            context.forward(record.withValue(withOwner(foreign.alert(), owner == null ? null : owner.value())));
        } else {
            throw new IllegalArgumentException("not a credential owner or a foreign-credential alert: " + record.value());
        }
    }

    static IdentityAlert withOwner(IdentityAlert alert, String owner) {
        if (owner == null || owner.equals(alert.getDeviceId())) {
            return alert;
        }
        Map<String, String> evidence = new HashMap<>(alert.getEvidence());
        evidence.put("credentialOwner", owner);
        IdentityAlert out = IdentityAlert.newBuilder(alert).build();
        out.setEvidence(evidence);
        out.setSummary(alert.getSummary() + "; that credential is registered to " + owner);
        return out;
    }
}
