package io.fleetguard.topology;

import io.fleetguard.schema.AuthEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** Event time drives stream time; a bad record never does, whatever its Kafka timestamp says. */
class EventTimeExtractorTest {

    private static final Instant EVENT = Instant.parse("2026-01-05T00:10:00Z");
    private static final long NOW = Instant.parse("2026-12-04T20:00:00Z").toEpochMilli();
    private static final long PARTITION_TIME = Instant.parse("2026-01-05T00:09:00Z").toEpochMilli();

    private static final EventTimes TIMES =
            new EventTimes(Instant.parse("2000-01-01T00:00:00Z").toEpochMilli(), Duration.ofDays(1));
    private final EventTimeExtractor extractor = EventTimeExtractor.forEvents(TIMES);
    private final EventTimeExtractor registryExtractor = EventTimeExtractor.forRegistry(TIMES);

    @Test
    void shouldUseTheEventTimeOfAPlausibleEvent() {
        AuthEvent e = anAuthEvent("e1", "cam-1", EVENT).success().build();
        assertThat(extractor.extract(record(EVENT.toEpochMilli(), e), PARTITION_TIME)).isEqualTo(EVENT.toEpochMilli());
    }

    @Test
    void shouldGiveARecordWithoutEventTimeItsPartitionTimeNotItsProducersClock() {
        // Given a null value stamped "now" by its producer, in a history of January
        // Then it does not drag stream time eleven months ahead
        assertThat(extractor.extract(record(NOW, null), PARTITION_TIME)).isEqualTo(PARTITION_TIME);
    }

    @Test
    void shouldGiveAnAbsurdEventTimeItsPartitionTime() {
        AuthEvent e = anAuthEvent("e2", "cam-1", Instant.parse("2999-01-01T00:00:00Z")).success().build();
        assertThat(extractor.extract(record(NOW, e), PARTITION_TIME)).isEqualTo(PARTITION_TIME);
        assertThat(extractor.extract(record(NOW, e), -1)).isZero(); // never negative: Streams would drop it silently
    }

    @Test
    void shouldTimeAKeyedRegistryTombstoneByItsKafkaTimestamp() {
        // Given a deregistration stamped a day after the partition's time
        long deregisteredAt = PARTITION_TIME + Duration.ofDays(1).toMillis();
        // Then it deletes the device as of that time, not as of the partition's time
        assertThat(registryExtractor.extract(record(deregisteredAt, null), PARTITION_TIME)).isEqualTo(deregisteredAt);
        // and a tombstone without a key (refused by the validator) does not move stream time
        assertThat(registryExtractor.extract(record(deregisteredAt, null, null), PARTITION_TIME)).isEqualTo(PARTITION_TIME);
        // while on an activity input a null value is a bad record, whatever its timestamp
        assertThat(extractor.extract(record(deregisteredAt, null), PARTITION_TIME)).isEqualTo(PARTITION_TIME);
    }

    private static ConsumerRecord<Object, Object> record(long timestamp, Object value) {
        return record(timestamp, "cam-1", value);
    }

    private static ConsumerRecord<Object, Object> record(long timestamp, String key, Object value) {
        return new ConsumerRecord<>("fleetguard.auth-events", 0, 0, timestamp,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0, key, value,
                new org.apache.kafka.common.header.internals.RecordHeaders(), java.util.Optional.empty());
    }
}
