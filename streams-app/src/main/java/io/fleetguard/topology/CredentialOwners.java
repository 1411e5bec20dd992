package io.fleetguard.topology;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.IdentityAlert;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which device a credential fingerprint is registered to, as of event time, so that
 * IMPERSONATED_TELEMETRY can name the device whose credential was used. The table is fed from the
 * registry (one record per listed credential, repartitioned by fingerprint); only impersonation
 * alerts, which are rare, are re-keyed by fingerprint to look it up. A credential removed from a
 * device keeps its last owner in the table (registry records carry no "removed" marker).
 *
 * <p>The owner's registration and the alert come from different input partitions, so from different
 * tasks: while a backlog is caught up, the alert's task can run ahead and the lookup find no owner
 * yet. The alert then goes out without one (never with a wrong one); holding alerts back by a grace
 * would not help, as stream time here moves only with these rare records.
 */
final class CredentialOwners {

    static final String STORE = "credential-owners";

    private final KTable<String, String> owners;
    private final TopicSpec<String, IdentityAlert> alerts;

    CredentialOwners(KStream<String, DeviceIdentity> registry, Duration history, TopicSpec<String, IdentityAlert> alerts,
                     StateStores stores) {
        this.alerts = alerts;
        this.owners = registry
                .flatMap((deviceId, identity) -> {
                    List<KeyValue<String, String>> out = new ArrayList<>();
                    if (identity != null) {
                        for (Credential c : identity.getCredentials()) {
                            out.add(KeyValue.pair(c.getFingerprint().toLowerCase(java.util.Locale.ROOT), deviceId));
                        }
                    }
                    return out;
                }, Named.as("credential-owners-by-fingerprint"))
                .repartition(Repartitioned.<String, String>as("credential-owners")
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
                .toTable(Named.as("credential-owners-table"),
                        stores.<String, String>versioned(STORE, history)
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.String()));
    }

    /**
     * Adds the owning device to alerts about a credential the device does not hold (those for which
     * {@link #namesForeignFingerprint} holds). They are re-keyed by fingerprint to the owners' table,
     * which makes this and the table a sub-topology of their own; the result is keyed by device again.
     */
    KStream<String, IdentityAlert> withOwners(KStream<String, IdentityAlert> foreign) {
        return foreign
                .selectKey((deviceId, a) -> a.getSubject().toLowerCase(java.util.Locale.ROOT), Named.as("impersonation-key-by-credential"))
                .leftJoin(owners, CredentialOwners::withOwner,
                        Joined.<String, IdentityAlert, String>as("impersonation-credential-owner")
                                .withKeySerde(Serdes.String()).withValueSerde(alerts.valueSerde()).withOtherValueSerde(Serdes.String()))
                .selectKey((fp, a) -> a.getDeviceId(), Named.as("impersonation-key-by-device"));
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

    private static IdentityAlert withOwner(IdentityAlert alert, String owner) {
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
