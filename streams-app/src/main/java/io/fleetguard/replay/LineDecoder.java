package io.fleetguard.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetguard.topology.EventTimes;
import org.apache.avro.specific.SpecificRecord;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Decodes lines of any input with {@link JsonLinesDecoder}, plus the one shape that is not a
 * contract: a registry tombstone, {@code {"deviceId":..,"deleted":true,"updatedAt":..}}, which
 * deregisters the device as of {@code updatedAt} exactly like a null value on the registry topic.
 */
final class LineDecoder {

    static final String DELETED = "deleted";
    private static final Set<String> TOMBSTONE_FIELDS = Set.of("deviceId", DELETED, "updatedAt");

    private final Map<ReplayInput, JsonLinesDecoder<? extends SpecificRecord>> decoders = new EnumMap<>(ReplayInput.class);

    LineDecoder() {
        for (ReplayInput input : ReplayInput.values()) {
            decoders.put(input, JsonLinesDecoder.of(input.type()));
        }
    }

    /** A line of any history file; a raw broker log line is taken as it is, for the normalizer to judge. */
    HistoryRecord decode(HistoryLine line) throws MalformedRecordException {
        if (line.source() instanceof BrokerLog log) {
            // Invalid UTF-8 becomes U+FFFD, as Kafka's StringDeserializer makes it of a live record.
            return HistoryRecord.brokerLogLine(log.brokerId(), new String(line.text(), StandardCharsets.UTF_8),
                    line.eventTime());
        }
        return decode(((ReplayFile) line.source()).input(), line.text());
    }

    HistoryRecord decode(ReplayInput input, byte[] utf8) throws MalformedRecordException {
        JsonNode node = JsonLinesDecoder.parse(utf8, 0, utf8.length);
        if (input == ReplayInput.REGISTRY && node.isObject() && node.has(DELETED)) {
            return tombstone(node);
        }
        SpecificRecord value = decoders.get(input).decode(node);
        String deviceId = (String) value.get(value.getSchema().getField("deviceId").pos());
        return new HistoryRecord(input, deviceId, value, EventTimes.of(value));
    }

    private static HistoryRecord tombstone(JsonNode node) throws MalformedRecordException {
        JsonNode deleted = node.get(DELETED);
        if (!deleted.isBoolean() || !deleted.booleanValue()) {
            throw new MalformedRecordException("may only be true (a registry tombstone); omit it otherwise")
                    .inField(DELETED);
        }
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOMBSTONE_FIELDS.contains(name)) {
                throw new MalformedRecordException("a registry tombstone has only deviceId, deleted and updatedAt; "
                        + "unexpected field '" + (name.length() > 64 ? name.substring(0, 64) + "..." : name) + "'");
            }
        }
        JsonNode deviceId = node.get("deviceId");
        if (deviceId == null || !deviceId.isTextual() || deviceId.textValue().isBlank()) {
            throw new MalformedRecordException("a registry tombstone needs the device id as a string").inField("deviceId");
        }
        JsonNode updatedAt = node.get("updatedAt");
        if (updatedAt == null) {
            throw new MalformedRecordException("is required in a registry tombstone").inField("updatedAt");
        }
        long at;
        try {
            at = JsonTimes.instant(updatedAt).toEpochMilli();
        } catch (MalformedRecordException e) {
            throw e.inField("updatedAt");
        }
        return new HistoryRecord(ReplayInput.REGISTRY, deviceId.textValue(), null, at);
    }
}
