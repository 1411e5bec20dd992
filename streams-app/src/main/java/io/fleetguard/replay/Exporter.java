package io.fleetguard.replay;

import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.topology.EventTimes;
import io.fleetguard.topology.FleetGuardTopics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code export --from --to --out DIR}: copies the input topics' records of [from, to] into JSON
 * Lines files that {@code replay --offline} reads, so a responder can take history off a cluster.
 * Positions come from a {@link ReplayPlan} (event topics from {@code from}, the registry from its
 * beginning); reading stops at the end offsets captured at start, and records stamped after
 * {@code to} (or, on event topics, before {@code from}) are left out. Records the live app would
 * dead-letter for reasons the file format cannot carry (undecodable, a registry record keyed by
 * another device, an event time implausible against its Kafka timestamp) go to the export's
 * rejects file instead.
 */
public final class Exporter {

    /** Gives up when nothing can be read for this long although the end is not reached. */
    private static final Duration STALL = Duration.ofSeconds(60);

    public record Options(Instant from, Instant to, Path dir) {
    }

    private final Options options;
    private final FleetGuardConfig config;
    private final PrintStream console;

    public Exporter(Options options, FleetGuardConfig config, PrintStream console) {
        this.options = options;
        this.config = config;
        this.console = console;
    }

    /** @return records written per input */
    public Map<ReplayInput, Long> run() throws IOException, InterruptedException {
        FleetGuardTopics topics = FleetGuardTopics.from(config);
        ReplayPlan plan;
        try (Admin admin = Admin.create(ReplayResources.adminProperties(config))) {
            plan = ReplayPlan.untilEnd(admin, topics, options.from());
        }
        long started = System.nanoTime();
        EventTimes times = new EventTimes(config.minTimestamp(), config.maxFutureSkew());
        Map<String, ReplayInput> inputOf = new HashMap<>();
        Map<ReplayInput, Deserializer<SpecificRecord>> values = new EnumMap<>(ReplayInput.class);
        for (ReplayInput input : ReplayInput.values()) {
            inputOf.put(input.topic(topics).name(), input);
            values.put(input, input.topic(topics).valueSerde().deserializer());
        }
        try (ExportFiles files = new ExportFiles(options.dir());
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(),
                     new ByteArrayDeserializer())) {
            consumer.assign(plan.start().keySet());
            plan.start().forEach(consumer::seek);
            long lastRead = System.nanoTime();
            while (!reachedEnd(consumer, plan) && System.nanoTime() - lastRead < STALL.toNanos()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    lastRead = System.nanoTime();
                    if (r.offset() < plan.stop().get(new TopicPartition(r.topic(), r.partition()))) {
                        export(r, inputOf.get(r.topic()), values, times, files);
                    }
                }
            }
            Map<ReplayInput, Long> written = files.written();
            console.printf("Exported %s to %s in %.1f s; %,d records not exportable (see %s)%n", written, options.dir(),
                    (System.nanoTime() - started) / 1e9, files.rejected(), options.dir().resolve(ExportFiles.REJECTS));
            if (!reachedEnd(consumer, plan)) {
                console.println("WARNING: stopped before the end offsets captured at start: nothing could be read for " + STALL);
            }
            return written;
        }
    }

    private void export(ConsumerRecord<String, byte[]> r, ReplayInput input, Map<ReplayInput, Deserializer<SpecificRecord>> values,
                        EventTimes times, ExportFiles files) {
        boolean registry = input == ReplayInput.REGISTRY;
        if (r.timestamp() > options.to().toEpochMilli() || (!registry && r.timestamp() < options.from().toEpochMilli())) {
            return; // outside the range (timestamps need not grow with offsets)
        }
        if (r.value() == null) {
            if (registry && r.key() != null && !r.key().isBlank()) {
                files.tombstone(r.key(), r.timestamp());
            } else {
                files.reject(r.topic(), r.partition(), r.offset(), registry ? "tombstone without a key" : "null value");
            }
            return;
        }
        SpecificRecord value;
        try {
            value = values.get(input).deserialize(r.topic(), r.headers(), r.value());
        } catch (RuntimeException e) {
            files.reject(r.topic(), r.partition(), r.offset(), "cannot be decoded: " + e.getClass().getSimpleName());
            return;
        }
        if (!times.isPlausible(EventTimes.of(value), r.timestamp())) {
            files.reject(r.topic(), r.partition(), r.offset(), "event time implausible against the record timestamp");
        } else if (registry && !String.valueOf(value.get(value.getSchema().getField("deviceId").pos())).equals(r.key())) {
            files.reject(r.topic(), r.partition(), r.offset(), "registry record keyed by another device");
        } else {
            files.record(input, value);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, ReplayPlan plan) {
        return plan.stop().entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> props = new HashMap<>(config.kafkaProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return props;
    }
}
