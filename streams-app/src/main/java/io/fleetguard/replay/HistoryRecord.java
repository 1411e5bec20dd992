package io.fleetguard.replay;

import org.apache.avro.specific.SpecificRecord;

/**
 * A decoded line, ready to be replayed: keyed by its deviceId (as producers key the live topics)
 * and stamped with its event time (as {@code feed.KafkaEventSink} stamps live records).
 *
 * @param value the record; null for a registry tombstone
 */
record HistoryRecord(ReplayInput input, String deviceId, SpecificRecord value, long timestamp) {
}
