package io.fleetguard.topology;

import io.fleetguard.detect.Activity;
import io.fleetguard.detect.DeviceActivityRule;
import io.fleetguard.detect.FailureBurstRule;
import io.fleetguard.detect.Policy;
import io.fleetguard.detect.SharedCredentialRule;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.AuthOutcome;
import io.fleetguard.schema.IdentityAlert;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

import java.time.Duration;
import java.util.List;

/**
 * Wires the rules that need memory. Per-device rules run where the streams are already keyed by
 * device; only two rules need another key: failures by source address (password spraying) and
 * successful authentications by credential fingerprint (sharing). They read the cross-device
 * repartition topic, in a sub-topology of their own, and key their alerts back by device.
 */
final class StatefulDetection {

    static final String DEVICE_ACTIVITY_STORE = "device-activity-store";
    static final String FAILURES_BY_DEVICE_STORE = "failure-burst-device-store";
    static final String FAILURES_BY_SOURCE_STORE = "failure-burst-source-store";
    static final String CREDENTIAL_USERS_STORE = "credential-users-store";

    private final Policy policy;
    private final Duration cloneWindow;
    private final StateStores stores;
    private final JudgedTime judgedTime;

    /** @param judgedTime the stream-time processors' "now" (see {@link JudgedTime}) */
    StatefulDetection(Policy policy, Duration cloneWindow, StateStores stores, JudgedTime judgedTime) {
        this.stores = stores;
        this.judgedTime = judgedTime;
        this.policy = policy;
        this.cloneWindow = cloneWindow;
    }

    /** The rules keyed by device: they run in the task that judges the device's activities. */
    KStream<String, IdentityAlert> perDevice(KStream<String, Observation> auth, KStream<String, Observation> telemetry,
                                             KStream<String, Observation> config, KStream<String, Observation> support) {
        return deviceHistory(auth, telemetry)
                .merge(failuresByDevice(auth), Named.as("stateful-merge-failures-device"))
                .merge(support.merge(config, Named.as("support-and-config"))
                        .process(SupportSessionProcessor.supplier(policy, stores, judgedTime), Named.as("support-sessions")),
                        Named.as("stateful-merge-support"));
    }

    /**
     * The cross-device records of an authentication, keyed for the rule that reads them: a failure
     * with a source address by that address (spraying), a success over a credential by its
     * fingerprint (sharing). Everything else needs no cross-device rule.
     */
    static List<KeyValue<String, CrossDeviceInput>> crossDeviceKeys(AuthEvent e) {
        if (e.getOutcome() == AuthOutcome.FAILURE && e.getSourceIp() != null) {
            return List.of(KeyValue.pair(e.getSourceIp(), new CrossDeviceInput.Auth(e)));
        }
        if (e.getOutcome() == AuthOutcome.SUCCESS && e.getCredentialFingerprint() != null) {
            return List.of(KeyValue.pair(e.getCredentialFingerprint(), new CrossDeviceInput.Auth(e)));
        }
        return List.of();
    }

    /**
     * The rules keyed by something other than the device, over the authentications of the
     * cross-device repartition topic (keyed as {@link #crossDeviceKeys} says); their alerts are keyed
     * by device again.
     */
    KStream<String, IdentityAlert> crossDevice(KStream<String, AuthEvent> failuresBySource, KStream<String, AuthEvent> usesByCredential) {
        return failuresBySource(failuresBySource).merge(sharedCredentials(usesByCredential), Named.as("stateful-merge-shared"));
    }

    private KStream<String, IdentityAlert> deviceHistory(KStream<String, Observation> auth, KStream<String, Observation> telemetry) {
        DeviceActivityRule rule = new DeviceActivityRule(policy.dormancy(), cloneWindow);
        return auth.filter((k, o) -> o.identity() != null && o.activity().success(), Named.as("auth-registered-uses"))
                .merge(telemetry.filter((k, o) -> o.identity() != null, Named.as("telemetry-registered-uses")),
                        Named.as("registered-uses"))
                .processValues(WindowedRuleProcessor.supplier(DEVICE_ACTIVITY_STORE,
                                // Never forgotten: one small entry per registered device that was ever used, and
                                // a device silent for years is the most suspicious dormancy of all.
                                (state, o) -> rule.onUse(state, o.activity()), null, stores, judgedTime),
                        Named.as("device-activity"));
    }

    private KStream<String, IdentityAlert> failuresByDevice(KStream<String, Observation> auth) {
        FailureBurstRule rule = FailureBurstRule.perDevice(policy.burstCount(), policy.burstWindow());
        return auth.filter((k, o) -> o.activity().isFailedAuth(), Named.as("auth-failures"))
                .processValues(WindowedRuleProcessor.supplier(FAILURES_BY_DEVICE_STORE,
                                (state, o) -> rule.onFailure(state, o.activity()), policy.burstWindow().multipliedBy(2), stores, judgedTime),
                        Named.as("failure-burst-device"));
    }

    private KStream<String, IdentityAlert> failuresBySource(KStream<String, AuthEvent> failures) {
        FailureBurstRule rule = FailureBurstRule.perSource(policy.burstCount(), policy.burstWindow());
        return failures.mapValues(e -> new Observation(Activity.of(e), null), Named.as("auth-failures-by-source-observe"))
                .processValues(WindowedRuleProcessor.supplier(FAILURES_BY_SOURCE_STORE,
                                (state, o) -> rule.onFailure(state, o.activity()), policy.burstWindow().multipliedBy(2), stores, judgedTime),
                        Named.as("failure-burst-source"))
                .selectKey((ip, alert) -> alert.getDeviceId(), Named.as("failure-burst-source-key-by-device"));
    }

    private KStream<String, IdentityAlert> sharedCredentials(KStream<String, AuthEvent> uses) {
        SharedCredentialRule rule = new SharedCredentialRule(policy.sharedCredentialWindow());
        return uses.mapValues(e -> new Observation(Activity.of(e), null), Named.as("auth-by-credential-observe"))
                .processValues(WindowedRuleProcessor.supplier(CREDENTIAL_USERS_STORE,
                                (state, o) -> rule.onUse(state, o.activity()), policy.sharedCredentialWindow().multipliedBy(2), stores, judgedTime),
                        Named.as("shared-credential"))
                .selectKey((fp, alert) -> alert.getDeviceId(), Named.as("shared-credential-key-by-device"));
    }
}
