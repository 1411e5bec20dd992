package io.fleetguard.feed;

import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.sim.SimEvent;
import io.fleetguard.topology.FleetGuardTopics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Produces simulated events to FleetGuard's input topics with the configured Avro serde, keyed by
 * deviceId and timestamped with the event time. The same {@code kafka.*} client settings as
 * {@code run} apply, so it can load any cluster, including SASL_SSL and mTLS ones.
 */
public final class KafkaEventSink implements EventSink {

    private final KafkaProducer<String, SpecificRecord> producer;
    private final Map<SimEvent.Stream, String> topicOf = new EnumMap<>(SimEvent.Stream.class);
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public KafkaEventSink(FleetGuardConfig config) {
        FleetGuardTopics topics = FleetGuardTopics.from(config);
        topicOf.put(SimEvent.Stream.REGISTRY, topics.registry().name());
        topicOf.put(SimEvent.Stream.AUTH, topics.authEvents().name());
        topicOf.put(SimEvent.Stream.TELEMETRY, topics.telemetry().name());
        topicOf.put(SimEvent.Stream.CONFIG, topics.configChanges().name());
        topicOf.put(SimEvent.Stream.SUPPORT, topics.supportSessions().name());
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 131_072);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putAll(config.kafkaProperties());
        @SuppressWarnings("unchecked")
        Serializer<SpecificRecord> values = (Serializer<SpecificRecord>) (Serializer<?>) topics.authEvents().valueSerde().serializer();
        this.producer = new KafkaProducer<>(props, new StringSerializer(), values);
    }

    @Override
    public void send(SimEvent event) {
        Exception earlier = failure.get();
        if (earlier != null) {
            throw new IllegalStateException("producing simulated events failed: " + earlier.getMessage(), earlier);
        }
        producer.send(new ProducerRecord<>(topicOf.get(event.stream()), null, event.timestamp(), event.key(), event.value()),
                (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
    }

    @Override
    public void flush() {
        producer.flush();
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("producing simulated events failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
