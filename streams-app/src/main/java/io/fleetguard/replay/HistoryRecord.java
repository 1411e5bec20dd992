package io.fleetguard.replay;

import org.apache.avro.specific.SpecificRecord;

/**
 * A decoded line, ready to be replayed: keyed as producers key the live topics (by deviceId, a
 * broker log line by its broker id) and stamped with its event time (as {@code feed.KafkaEventSink}
 * stamps live records).
 *
 * @param input    the input of an Avro record; null for a broker log line
 * @param deviceId the record key: the deviceId, or for a broker log line the broker id
 * @param value    the record; null for a registry tombstone and for a broker log line
 * @param logLine  a raw broker log line for the broker-logs topic; null for every other input
 */
record HistoryRecord(ReplayInput input, String deviceId, SpecificRecord value, long timestamp, String logLine) {

    /** A record of one of the Avro inputs. */
    HistoryRecord(ReplayInput input, String deviceId, SpecificRecord value, long timestamp) {
        this(input, deviceId, value, timestamp, null);
    }

    static HistoryRecord brokerLogLine(String brokerId, String line, long timestamp) {
        return new HistoryRecord(null, brokerId, null, timestamp, line);
    }
}
