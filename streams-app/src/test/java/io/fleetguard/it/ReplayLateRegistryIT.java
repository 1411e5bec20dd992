package io.fleetguard.it;

import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.replay.ClusterHistory;
import io.fleetguard.replay.ClusterReplayReport;
import io.fleetguard.replay.SimulatedHistory;
import io.fleetguard.runtime.FleetGuardApp;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.sim.SimEvent;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.fleetguard.testdata.Builders.aConfigChange;
import static io.fleetguard.testdata.Builders.aSupportSession;
import static io.fleetguard.testdata.Builders.aTelemetry;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arrival order does not decide, event time does: with {@code event.order.grace.ms} covering the
 * delay, a live app that receives the whole registry after the events it governs emits the alerts
 * an offline replay (which orders by event time) emits.
 */
class ReplayLateRegistryIT extends WithEmbeddedKafka {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Duration GRACE = Duration.ofMinutes(15);
    private static final int PARTITIONS = 2;


    @TempDir
    static Path dir;


    @Test
    void shouldJudgeEventsByTheRegistryOfTheirTimeEvenWhenTheRegistryArrivesLast() throws Exception {
        // Given a history whose events span less than the join grace, and its offline replay
        List<SimEvent> events = SimulatedHistory.events(SimulatedHistory.OPTIONS, 3_000);
        Path out = dir.resolve("alerts.jsonl");
        SimulatedHistory.replay(SimulatedHistory.write(dir.resolve("history"), events), out, Map.of());
        List<IdentityAlert> offline = SimulatedHistory.readAlerts(out);
        ClusterHistory cluster = new ClusterHistory(kafka, dir.resolve("state"), "late-", PARTITIONS,
                Map.of("event.order.grace.ms", Long.toString(GRACE.toMillis())));
        List<SimEvent> activity = events.stream().filter(e -> e.stream() != SimEvent.Stream.REGISTRY).toList();
        List<SimEvent> registry = events.stream().filter(e -> e.stream() == SimEvent.Stream.REGISTRY).toList();

        FleetGuardMetrics metrics = FleetGuardMetrics.inMemory();
        try (FleetGuardApp app = new FleetGuardApp(cluster.config, metrics)) {
            app.start();
            // When every event arrives (and is taken in) before any registry record
            cluster.produce(activity);
            assertThat(cluster.awaitProcessed(metrics, activity.size(), WAIT)).isTrue();
            cluster.produce(registry);
            assertThat(cluster.awaitProcessed(metrics, events.size(), WAIT)).isTrue();
            // And later traffic moves stream time past the grace on every input and partition
            sentinels(cluster, Instant.ofEpochMilli(events.get(events.size() - 1).timestamp()).plus(GRACE).plusSeconds(1));
            assertThat(cluster.awaitProcessed(metrics, events.size() + 4L * PARTITIONS, WAIT)).isTrue();
        }

        // Then every event was judged against the registry of its time, exactly as offline: the
        // per-event findings (type, device, subject) agree. Which repeat a suppressed or windowed
        // alert names, and when an update closes, depend on processing order, which the grace
        // buffers change (each input's buffer releases its events separately), so those are not compared.
        List<IdentityAlert> live = ClusterReplayReport.readAll(cluster.config, cluster.topics);
        assertThat(offline).hasSizeGreaterThan(20);
        assertThat(judged(live)).isEqualTo(judged(offline)).isNotEmpty();
    }

    private static final Set<AlertType> PER_EVENT = java.util.EnumSet.of(AlertType.UNKNOWN_DEVICE,
            AlertType.STALE_CREDENTIAL, AlertType.EXPIRED_CREDENTIAL, AlertType.REVOKED_CREDENTIAL_IN_USE,
            AlertType.CREDENTIAL_EXPIRING, AlertType.IMPERSONATED_TELEMETRY, AlertType.UNEXPECTED_DATA_PATH,
            AlertType.DEFAULT_CREDENTIAL, AlertType.RETIRED_IDENTITY_ACTIVE, AlertType.ORPHANED_IDENTITY,
            AlertType.FIRMWARE_DRIFT);

    private static Set<String> judged(List<IdentityAlert> alerts) {
        return alerts.stream().filter(a -> PER_EVENT.contains(a.getType()))
                .map(a -> a.getType() + " " + a.getDeviceId() + " " + a.getSubject())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** One record per input and partition, keyed by its own (unregistered) device. */
    private static void sentinels(ClusterHistory cluster, Instant at) throws Exception {
        try (KafkaProducer<String, SpecificRecord> p = KafkaTestClients.producer(kafka.bootstrapServers(),
                new StringSerializer(), valueSerializer(cluster))) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                String device = "sentinel-" + partition;
                send(p, cluster.topics.authEvents().name(), partition, device, anAuthEvent("s-a" + partition, device, at).build(), at);
                send(p, cluster.topics.telemetry().name(), partition, device, aTelemetry("s-t" + partition, device, at).build(), at);
                send(p, cluster.topics.configChanges().name(), partition, device,
                        aConfigChange("s-c" + partition, device, at).build(), at);
                send(p, cluster.topics.supportSessions().name(), partition, device,
                        aSupportSession("s-s" + partition, device, at).build(), at);
            }
        }
    }

    /** The configured Avro serde serializes any of the contracts (subjects follow the topic). */
    @SuppressWarnings("unchecked")
    private static Serializer<SpecificRecord> valueSerializer(ClusterHistory cluster) {
        return (Serializer<SpecificRecord>) (Serializer<?>) cluster.topics.authEvents().valueSerde().serializer();
    }

    private static void send(KafkaProducer<String, SpecificRecord> p, String topic, int partition, String key,
                             SpecificRecord value, Instant at) throws Exception {
        p.send(new ProducerRecord<>(topic, partition, at.toEpochMilli(), key, value)).get();
    }
}
