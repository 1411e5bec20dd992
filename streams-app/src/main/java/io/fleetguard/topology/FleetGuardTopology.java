package io.fleetguard.topology;

import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.detect.Activity;
import io.fleetguard.detect.DetectionEngine;
import io.fleetguard.detect.Detectors;
import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.AuthOutcome;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.schema.TelemetryRecord;
import org.apache.avro.specific.SpecificRecord;
import io.fleetguard.ocsf.OcsfDetectionFinding;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

import java.util.List;
import java.util.Map;

/**
 * FleetGuard's detection topology: each input is validated, keyed by device, joined with the
 * device's registry entry as of the event's timestamp (a versioned table), run through the pure
 * detectors, and the resulting alerts are written to the alert topic. Bad records go to the
 * dead-letter topic through the configured exception handlers.
 */
public final class FleetGuardTopology {

    /** The versioned registry store; its changelog is the app's only copy of registry history. */
    public static final String REGISTRY_STORE = "registry-versions";

    /**
     * Registry entries kept decoded per stream thread: every activity reads its device's entry, and
     * decoding the Avro record (with its credential list) was the largest part of that read.
     */
    static final int DECODED_IDENTITIES_PER_THREAD = 16_384;

    /** Stamped into OCSF metadata.product.version; from the jar manifest, so live and replay agree. */
    private static final String PRODUCT_VERSION = productVersion();

    private final FleetGuardConfig config;
    private final FleetGuardTopics topics;
    private final FleetGuardMetrics metrics;
    private final EventTimeExtractor extractor;
    private final EventTimeExtractor registryExtractor;
    private final RecordValidator validator;
    private final DetectionStep detection;
    private final StateStores stores;
    /** How far each task's event-order buffer has judged: the stream-time processors' "now". */
    private final JudgedTime judgedTime;

    private FleetGuardTopology(FleetGuardConfig config, FleetGuardTopics topics, FleetGuardMetrics metrics,
                               StateStores stores) {
        this.stores = stores;
        this.judgedTime = new JudgedTime(config.eventOrderGrace());
        this.config = config;
        this.topics = topics;
        this.metrics = metrics;
        EventTimes eventTimes = new EventTimes(config.minTimestamp(), config.maxFutureSkew());
        this.extractor = EventTimeExtractor.forEvents(eventTimes);
        this.registryExtractor = EventTimeExtractor.forRegistry(eventTimes);
        this.validator = new RecordValidator(eventTimes, config.maxFieldLength(), config.maxListSize());
        this.detection = new DetectionStep(new DetectionEngine(Detectors.all(), config.policy()));
    }

    private static String productVersion() {
        String v = FleetGuardTopology.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /** The topology of the live app: state in RocksDB with changelogs. */
    public static Topology build(FleetGuardConfig config, FleetGuardTopics topics, FleetGuardMetrics metrics) {
        return build(config, topics, metrics, StateStores.DURABLE);
    }

    /** The same topology with its state kept as {@code stores} says; the alerts do not depend on it. */
    public static Topology build(FleetGuardConfig config, FleetGuardTopics topics, FleetGuardMetrics metrics,
                                 StateStores stores) {
        return new FleetGuardTopology(config, topics, metrics, stores).build();
    }

    private Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        if (topics.brokerLogs() != null) {
            normalizeBrokerLogs(builder);
        }
        KStream<String, DeviceIdentity> registryStream = registryStream(builder);
        registry(registryStream); // the versioned store "registry-versions" that activities are judged against

        KStream<String, SpecificRecord> activities = activitiesByDevice(builder);
        KStream<String, AuthEvent> authIn = activities.filter((k, v) -> v instanceof AuthEvent, Named.as("auth-in"))
                .mapValues(v -> (AuthEvent) v, Named.as("auth-in-cast"));
        Map<String, KStream<String, Observation>> observed = activities
                .process(EventOrderProcessor.supplier(config.eventOrderGrace(), metrics, stores, judgedTime),
                        Named.as("activity-registry-join"), REGISTRY_STORE)
                .split(Named.as("observed-"))
                .branch((k, o) -> o.activity().kind() == Activity.Kind.AUTH, Branched.as("auth"))
                .branch((k, o) -> o.activity().kind() == Activity.Kind.TELEMETRY, Branched.as("telemetry"))
                .branch((k, o) -> o.activity().kind() == Activity.Kind.CONFIG_CHANGE, Branched.as("config"))
                .defaultBranch(Branched.as("support"));
        KStream<String, Observation> auth = observed.get("observed-auth");
        KStream<String, Observation> telemetry = observed.get("observed-telemetry");
        KStream<String, Observation> changes = observed.get("observed-config");
        KStream<String, Observation> support = observed.get("observed-support");

        // Uses over credentials the device does not own go to the owners' table to name the device
        // that owns them, if any; the rest stay with the device.
        Map<String, KStream<String, IdentityAlert>> foreignCredentials = detect(telemetry, "telemetry")
                .merge(auth.processValues(() -> new UnlistedCredentialProcessor(config.policy()), Named.as("auth-unlisted-credential"), REGISTRY_STORE),
                        Named.as("foreign-credential-alerts"))
                .split(Named.as("impersonation-"))
                .branch((k, a) -> CredentialOwners.namesForeignFingerprint(a), Branched.as("by-credential"))
                .defaultBranch(Branched.as("other"));
        StatefulDetection stateful = new StatefulDetection(config.policy(), config.cloneWindow(), stores, judgedTime);
        KStream<String, IdentityAlert> perDevice = detect(auth, "auth")
                .merge(foreignCredentials.get("impersonation-other"), Named.as("alerts-merge-telemetry"))
                .merge(detect(changes, "config"), Named.as("alerts-merge-config"))
                .merge(detect(support, "support"), Named.as("alerts-merge-support"))
                .merge(stateful.perDevice(auth, telemetry, changes, support), Named.as("alerts-merge-stateful"));

        // Two sub-topologies write alerts, each suppressing its own: they never hold the same
        // (type, device, subject), and neither has to read the other's alerts through a topic.
        deliver(perDevice, "");
        deliver(crossDevice(authIn, registryStream, foreignCredentials.get("impersonation-by-credential"), stateful),
                "cross-device-");
        return builder.build();
    }

    /**
     * Everything keyed by something other than the device, in one sub-topology reading one
     * repartition topic, {@code cross-device-inputs} ({@link CrossDeviceInput}): authentications for
     * the spraying and sharing rules, the registry's credentials by fingerprint, and the alerts about a
     * foreign credential that are told its owner. Its alerts are keyed by device again.
     */
    private KStream<String, IdentityAlert> crossDevice(KStream<String, AuthEvent> authIn, KStream<String, DeviceIdentity> registryStream,
                                                       KStream<String, IdentityAlert> foreignAlerts, StatefulDetection stateful) {
        Map<String, KStream<String, CrossDeviceInput>> inputs = authIn
                .flatMap((deviceId, e) -> StatefulDetection.crossDeviceKeys(e), Named.as("auth-cross-device-keys"))
                .merge(registryStream.flatMap(CredentialOwners::ownerships, Named.as("credential-owners-by-fingerprint")),
                        Named.as("cross-device-merge-owners"))
                .merge(foreignAlerts.map((deviceId, a) -> KeyValue.pair(CredentialOwners.fingerprintKey(a.getSubject()),
                                (CrossDeviceInput) new CrossDeviceInput.ForeignAlert(a)), Named.as("impersonation-key-by-credential")),
                        Named.as("cross-device-merge-alerts"))
                .repartition(Repartitioned.<String, CrossDeviceInput>as("cross-device-inputs")
                        .withKeySerde(Serdes.String()).withValueSerde(new CrossDeviceSerde(topics.authEvents(), topics.alerts())))
                .split(Named.as("cross-device-"))
                .branch((key, v) -> v instanceof CrossDeviceInput.Auth a && a.event().getOutcome() == AuthOutcome.FAILURE,
                        Branched.as("failures"))
                .branch((key, v) -> v instanceof CrossDeviceInput.Auth, Branched.as("uses"))
                .defaultBranch(Branched.as("credentials"));
        KStream<String, IdentityAlert> owned = inputs.get("cross-device-credentials")
                .processValues(CredentialOwners.supplier(config.registryHistoryRetention(), stores), Named.as("impersonation-credential-owner"))
                .selectKey((fp, a) -> a.getDeviceId(), Named.as("impersonation-key-by-device"));
        return stateful.crossDevice(authOf(inputs.get("cross-device-failures"), "failures"), authOf(inputs.get("cross-device-uses"), "uses"))
                .merge(owned, Named.as("cross-device-merge-owned"));
    }

    private static KStream<String, AuthEvent> authOf(KStream<String, CrossDeviceInput> inputs, String name) {
        return inputs.mapValues(v -> ((CrossDeviceInput.Auth) v).event(), Named.as("cross-device-" + name + "-auth"));
    }

    /**
     * The registry as a versioned table: a join looks up the identity valid at the event's
     * timestamp, not the latest one, so replays judge history against the registry of the time.
     */
    private KStream<String, DeviceIdentity> registryStream(StreamsBuilder builder) {
        TopicSpec<String, DeviceIdentity> spec = topics.registry();
        return builder.stream(spec.name(), Consumed.with(spec.keySerde(), spec.valueSerde())
                        .withTimestampExtractor(registryExtractor).withName("registry-source"))
                .processValues(() -> ValidateProcessor.registry(validator, DeviceIdentity::getDeviceId, metrics, spec.name()),
                        Named.as("registry-validate"))
                .processValues(() -> new LateRegistryProbe(config.eventOrderGrace(), metrics), Named.as("registry-late-probe"));
    }

    private KTable<String, DeviceIdentity> registry(KStream<String, DeviceIdentity> registryStream) {
        TopicSpec<String, DeviceIdentity> spec = topics.registry();
        return registryStream.toTable(Named.as("registry-table"),
                        stores.<String, DeviceIdentity>versioned(REGISTRY_STORE, config.registryHistoryRetention())
                                .withKeySerde(spec.keySerde())
                                .withValueSerde(DecodedValueCache.wrap(spec.valueSerde(), DECODED_IDENTITIES_PER_THREAD)));
    }

    /**
     * Broker log lines become AuthEvents and TelemetryRecords written to the input topics, keyed by
     * device, where detection reads them like any other event: one path for detection and replay.
     */
    private void normalizeBrokerLogs(StreamsBuilder builder) {
        Map<String, KStream<String, SpecificRecord>> normalized = builder.stream(topics.brokerLogs(),
                        Consumed.with(Serdes.String(), Serdes.String()).withName("broker-logs-source"))
                .process(BrokerLogNormalizer.supplier(config, metrics, stores), Named.as("broker-log-normalizer"))
                .split(Named.as("normalized-"))
                .branch((k, v) -> v instanceof AuthEvent, Branched.as("auth"))
                .defaultBranch(Branched.as("telemetry"));
        normalized.get("normalized-auth").mapValues(v -> (AuthEvent) v, Named.as("normalized-auth-cast"))
                .to(topics.authEvents().name(), Produced.with(topics.authEvents().keySerde(), topics.authEvents().valueSerde())
                        .withName("normalized-auth-sink"));
        normalized.get("normalized-telemetry").mapValues(v -> (TelemetryRecord) v, Named.as("normalized-telemetry-cast"))
                .to(topics.telemetry().name(), Produced.with(topics.telemetry().keySerde(), topics.telemetry().valueSerde())
                        .withName("normalized-telemetry-sink"));
    }

    private KStream<String, IdentityAlert> detect(KStream<String, Observation> observations, String name) {
        return observations.flatMapValues(detection::alerts, Named.as(name + "-detect"));
    }

    /**
     * Suppresses {@code alerts} and writes them to the alert topic (Avro) and the OCSF topic. The
     * per-device alerts use the unprefixed names; the other sub-topologies prefix theirs.
     */
    private void deliver(KStream<String, IdentityAlert> alerts, String prefix) {
        KStream<String, IdentityAlert> out = alerts
                .process(SuppressionProcessor.supplier(prefix, config.policy().suppressionWindow(), topics.alerts().valueSerde(),
                                stores, judgedTime),
                        Named.as(prefix + "alert-suppression"))
                .peek((deviceId, alert) -> metrics.alert(alert), Named.as(prefix + "alerts-count"));
        out.to(topics.alerts().name(), Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
                .withName(prefix + "alerts-sink"));
        out.mapValues(alert -> OcsfDetectionFinding.toJson(alert, PRODUCT_VERSION), Named.as(prefix + "alerts-to-ocsf"))
                .to(topics.alertsOcsf(), Produced.with(Serdes.String(), Serdes.String()).withName(prefix + "alerts-ocsf-sink"));
    }

    /**
     * The four activity inputs, validated and merged into one stream keyed by device. Records keyed
     * otherwise (a minority, or none) share one repartition topic, {@code activities-by-device}; the
     * correctly keyed ones go straight on. One topic rather than one per input keeps the partitions a
     * task reads, and Kafka Streams' per-record work over its empty ones, small. With
     * {@code input.rekey.enabled=false} there is no such topic: validation dead-letters mis-keyed
     * records instead, and the judging task reads one partition less.
     */
    private KStream<String, SpecificRecord> activitiesByDevice(StreamsBuilder builder) {
        KStream<String, SpecificRecord> merged = validated(builder, topics.authEvents(), ActivityInput.AUTH)
                .merge(validated(builder, topics.telemetry(), ActivityInput.TELEMETRY), Named.as("activities-telemetry"))
                .merge(validated(builder, topics.configChanges(), ActivityInput.CONFIG), Named.as("activities-config"))
                .merge(validated(builder, topics.supportSessions(), ActivityInput.SUPPORT), Named.as("activities-support"));
        if (!config.inputRekeyEnabled()) {
            return merged;
        }
        Map<String, KStream<String, SpecificRecord>> byKey = merged.split(Named.as("activity-key-"))
                .branch((key, value) -> ActivityInput.of(value).deviceId(value).equals(key), Branched.as("ok"))
                .defaultBranch(Branched.as("wrong"));
        ActivitySerde serde = new ActivitySerde(List.of(topics.authEvents(), topics.telemetry(), topics.configChanges(),
                topics.supportSessions()));
        KStream<String, SpecificRecord> rekeyed = byKey.get("activity-key-wrong")
                .selectKey((key, value) -> ActivityInput.of(value).deviceId(value), Named.as("activity-rekey"))
                .repartition(Repartitioned.<String, SpecificRecord>as("activities-by-device")
                        .withKeySerde(topics.authEvents().keySerde()).withValueSerde(serde));
        return byKey.get("activity-key-ok").merge(rekeyed, Named.as("activities-keyed"));
    }

    /** An activity input, read with its event time and validated; a record failing validation goes to the dead-letter topic. */
    private <V extends SpecificRecord> KStream<String, SpecificRecord> validated(StreamsBuilder builder, TopicSpec<String, V> spec,
                                                                                 ActivityInput input) {
        String name = input.inputName();
        return builder.stream(spec.name(), Consumed.with(spec.keySerde(), spec.valueSerde())
                        .withTimestampExtractor(extractor).withName(name + "-source"))
                .processValues(() -> ValidateProcessor.<V>events(validator, input::deviceId, metrics, spec.name(),
                                !config.inputRekeyEnabled()),
                        Named.as(name + "-validate"))
                .mapValues(v -> (SpecificRecord) v, Named.as(name + "-activity"));
    }
}
