package io.fleetguard.topology;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Makes the event's own timestamp the record timestamp, so that stream time, the versioned registry
 * lookup and every window run on event time. An implausible event time is not used (it would drag
 * stream time to year 3000 or 1970): the record keeps its Kafka timestamp and the validator, seeing
 * the two differ, dead-letters it.
 */
public final class EventTimeExtractor implements TimestampExtractor {

    private final EventTimes eventTimes;

    public EventTimeExtractor(EventTimes eventTimes) {
        this.eventTimes = eventTimes;
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long eventTime = EventTimes.of(record.value());
        if (eventTimes.isPlausible(eventTime, record.timestamp())) {
            return eventTime;
        }
        // A negative timestamp makes Kafka Streams drop the record silently; keep it flowing so it
        // reaches the validator and the dead-letter topic.
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
    }
}
