package io.fleetguard.chaos;

import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.sim.SimEvent;
import io.fleetguard.topology.FleetGuardTopics;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Poison pills for all six inputs: undecodable bytes, an unknown schema id, an absurd timestamp, an
 * oversized field, null keys and values; for broker logs invalid UTF-8, control bytes, a huge line,
 * a line without a broker id. Each carries a {@value #HEADER} header so its dead letter can be found.
 */
final class PoisonPills {

    static final String HEADER = "chaos.poison";
    private static final Instant ABSURD = Instant.parse("2999-01-01T00:00:00Z");
    private static final int OVERSIZED = 100_000;
    /** The field of each contract that gets oversized; all are plain strings. */
    private static final Map<SimEvent.Stream, String> LONG_FIELD = Map.of(SimEvent.Stream.REGISTRY, "owner",
            SimEvent.Stream.AUTH, "principal", SimEvent.Stream.TELEMETRY, "destination",
            SimEvent.Stream.CONFIG, "actor", SimEvent.Stream.SUPPORT, "operator");
    private static final Map<SimEvent.Stream, String> TIME_FIELD = Map.of(SimEvent.Stream.REGISTRY, "updatedAt",
            SimEvent.Stream.AUTH, "timestamp", SimEvent.Stream.TELEMETRY, "timestamp",
            SimEvent.Stream.CONFIG, "timestamp", SimEvent.Stream.SUPPORT, "startedAt");

    private final FleetGuardTopics topics;
    private final PlantedSecrets secrets;
    private final SplittableRandom random;

    PoisonPills(FleetGuardConfig config, PlantedSecrets secrets, long seed) {
        this.topics = FleetGuardTopics.from(config);
        this.secrets = secrets;
        this.random = new SplittableRandom(seed);
    }

    /** Every poison pill for the five Avro inputs (from one real value each) and the broker-log topic. */
    List<ProducerRecord<byte[], byte[]>> all(Map<SimEvent.Stream, SpecificRecord> templates) {
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        templates.forEach((stream, template) -> out.addAll(avro(stream, template)));
        out.addAll(brokerLogs());
        return out;
    }

    private List<ProducerRecord<byte[], byte[]>> avro(SimEvent.Stream stream, SpecificRecord template) {
        String topic = topicOf(stream);
        String key = "chaos-poison-" + stream.name().toLowerCase();
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        out.add(pill(topic, "undecodable", key, randomBytes(64)));
        byte[] unknownId = ByteBuffer.allocate(9).put((byte) 0).putInt(0x7FFF_FF00).putInt(random.nextInt()).array();
        out.add(pill(topic, "unknown-schema-id", key, unknownId));
        SpecificRecord absurd = copy(template);
        put(absurd, "deviceId", key);
        put(absurd, TIME_FIELD.get(stream), ABSURD);
        out.add(pill(topic, "absurd-timestamp", key, serialize(topic, absurd)));
        SpecificRecord huge = copy(template);
        put(huge, "deviceId", key);
        put(huge, LONG_FIELD.get(stream), secrets.oversizedPrincipal() + "x".repeat(OVERSIZED));
        out.add(pill(topic, "oversized-field", key, serialize(topic, huge)));
        // The registry is compacted: the broker itself refuses a record without a key, and a keyed null
        // value is a legitimate tombstone, so neither is a poison pill there.
        if (stream != SimEvent.Stream.REGISTRY) {
            out.add(pill(topic, "null-key-and-value", null, null));
            out.add(pill(topic, "null-value", key, null));
        }
        return out;
    }

    private List<ProducerRecord<byte[], byte[]>> brokerLogs() {
        String topic = topics.brokerLogs();
        String broker = PlantedEvents.EMQX_BROKER;
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        out.add(pill(topic, "invalid-utf8", broker, new byte[] {'{', (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, '}'}));
        out.add(pill(topic, "undecodable", broker, randomBytes(64)));
        out.add(pill(topic, "oversized-line", broker, ("{\"msg\":\"" + "A".repeat(OVERSIZED) + "\"}").getBytes(StandardCharsets.UTF_8)));
        out.add(pill(topic, "null-key", null, "{\"time\":1,\"msg\":\"authentication_failure\"}".getBytes(StandardCharsets.UTF_8)));
        out.add(pill(topic, "null-value", broker, null));
        out.add(pill(topic, "nul-character", broker, "{\"msg\":\"a\0b\"}".getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    private ProducerRecord<byte[], byte[]> pill(String topic, String kind, String key, byte[] value) {
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, null,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
        r.headers().add(HEADER, (topic + "/" + kind).getBytes(StandardCharsets.UTF_8));
        return r;
    }

    /** Sends every pill and waits for the broker's acknowledgement; returns how many were sent. */
    static int send(Map<String, Object> clientConfig, List<ProducerRecord<byte[], byte[]>> pills) {
        Map<String, Object> props = new HashMap<>(clientConfig);
        props.put("acks", "all");
        props.put("max.request.size", 2 * 1024 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> acks = pills.stream().map(producer::send).toList();
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(); // a pill the broker refused was never sent
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused a poison pill: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending poison pills", e);
        }
        return pills.size();
    }

    private String topicOf(SimEvent.Stream stream) {
        return switch (stream) {
            case REGISTRY -> topics.registry().name();
            case AUTH -> topics.authEvents().name();
            case TELEMETRY -> topics.telemetry().name();
            case CONFIG -> topics.configChanges().name();
            case SUPPORT -> topics.supportSessions().name();
        };
    }

    @SuppressWarnings("unchecked")
    private byte[] serialize(String topic, SpecificRecord value) {
        Serializer<SpecificRecord> s = (Serializer<SpecificRecord>) (Serializer<?>) topics.authEvents().valueSerde().serializer();
        return s.serialize(topic, value);
    }

    private static SpecificRecord copy(SpecificRecord r) {
        return (SpecificRecord) SpecificData.getForClass(r.getClass()).deepCopy(r.getSchema(), r);
    }

    private static void put(SpecificRecord r, String field, Object value) {
        Schema.Field f = r.getSchema().getField(field);
        r.put(f.pos(), value);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        b[0] = (byte) 0x7B; // never the wire format's magic byte 0
        return b;
    }
}
