package io.fleetguard.topology;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Makes the event's own timestamp the record timestamp, so that stream time, the versioned registry
 * lookup and every window run on event time. An implausible event time (or none: a null value, an
 * undecodable one) is not used, and neither is the record's Kafka timestamp: the record gets its
 * partition's current time, so it never moves stream time, and the validator, seeing the two differ,
 * dead-letters it. The Kafka timestamp of a bad record is whatever its producer's clock said; in a
 * replayed history it is "now", months ahead of the events, and taking it dragged stream time forward:
 * the versioned registry then dropped older versions and every later event joined no identity
 * (found by {@code fleetguard chaos}: 3 lost and 40 extra alerts from 34 poison pills).
 *
 * <p>The one exception is a keyed tombstone on the registry: it is a legitimate deregistration, it
 * has no value to carry an event time, and its Kafka timestamp is the time of the deregistration
 * (the registry export stamps it with {@code updatedAt}). It keeps that timestamp, or the versioned
 * registry would delete the device as of the partition's time and judge earlier events without it.
 */
public final class EventTimeExtractor implements TimestampExtractor {

    private final EventTimes eventTimes;
    private final boolean registry;

    private EventTimeExtractor(EventTimes eventTimes, boolean registry) {
        this.eventTimes = eventTimes;
        this.registry = registry;
    }

    /** For the five activity inputs and the broker logs: a null value is a bad record. */
    public static EventTimeExtractor forEvents(EventTimes eventTimes) {
        return new EventTimeExtractor(eventTimes, false);
    }

    /** For the registry: a keyed null value is a tombstone timed by its Kafka timestamp. */
    public static EventTimeExtractor forRegistry(EventTimes eventTimes) {
        return new EventTimeExtractor(eventTimes, true);
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (registry && record.value() == null && record.key() != null && record.timestamp() >= 0) {
            return record.timestamp();
        }
        long eventTime = EventTimes.of(record.value());
        if (eventTimes.isPlausible(eventTime, record.timestamp())) {
            return eventTime;
        }
        // A negative timestamp makes Kafka Streams drop the record silently; keep it flowing so it
        // reaches the validator and the dead-letter topic.
        return Math.max(partitionTime, 0);
    }
}
