package io.fleetguard.topology;

import io.fleetguard.metrics.FleetGuardMetrics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Builds dead-letter records: the original key and value bytes, the original headers, the
 * KIP-1034 {@code __streams.errors.*} headers, and FleetGuard's reason code. Shared by the
 * deserialization and processing handlers so both paths look alike to whoever drains the topic.
 */
final class DeadLetters {

    static final String HEADER_REASON = "fleetguard.dlq.reason";
    static final String HEADER_EXCEPTION = "__streams.errors.exception";
    static final String HEADER_MESSAGE = "__streams.errors.message";
    static final String HEADER_STACKTRACE = "__streams.errors.stacktrace";
    static final String HEADER_TOPIC = "__streams.errors.topic";
    static final String HEADER_PARTITION = "__streams.errors.partition";
    static final String HEADER_OFFSET = "__streams.errors.offset";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final String topic;
    private final FleetGuardMetrics metrics;

    private DeadLetters(String topic, FleetGuardMetrics metrics) {
        this.topic = topic;
        this.metrics = metrics;
    }

    static DeadLetters configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (topic == null || topic.toString().isBlank()) {
            throw new IllegalStateException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG
                    + " must be set: FleetGuard never drops a bad record silently");
        }
        Object metrics = configs.get(FleetGuardMetrics.CONFIG_KEY);
        return new DeadLetters(topic.toString(),
                metrics instanceof FleetGuardMetrics m ? m : FleetGuardMetrics.inMemory());
    }

    /**
     * @param withStackTrace false for expected rejections (contract violations), true for bugs
     */
    List<ProducerRecord<byte[], byte[]>> build(ErrorHandlerContext context, byte[] key, byte[] value,
                                               Headers original, String reason, Exception error,
                                               boolean withStackTrace) {
        metrics.deadLetter(context.topic(), reason);
        LOG.debug("Dead-lettering {}-{}@{}: {}", context.topic(), context.partition(), context.offset(), reason);
        RecordHeaders headers = new RecordHeaders();
        if (original != null) {
            for (Header h : original) {
                if (!h.key().startsWith("__streams.errors.") && !h.key().equals(HEADER_REASON)) {
                    headers.add(h);
                }
            }
        }
        add(headers, HEADER_REASON, reason);
        add(headers, HEADER_EXCEPTION, error.getClass().getName());
        add(headers, HEADER_MESSAGE, String.valueOf(error.getMessage()));
        if (withStackTrace) {
            add(headers, HEADER_STACKTRACE, Utils.stackTrace(error));
        }
        add(headers, HEADER_TOPIC, context.topic());
        add(headers, HEADER_PARTITION, Integer.toString(context.partition()));
        add(headers, HEADER_OFFSET, Long.toString(context.offset()));
        return List.of(new ProducerRecord<>(topic, null, context.timestamp() >= 0 ? context.timestamp() : null,
                key, value, headers));
    }

    private static void add(RecordHeaders headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
