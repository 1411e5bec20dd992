package io.fleetguard.topology;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.List;

/**
 * The values of the one repartition topic that re-keys activities by device
 * ({@code activities-by-device}): a byte naming the input ({@link ActivityInput#rank()}), then the
 * record exactly as that input's own serde writes it, under that input's topic (so the Confluent
 * wire format with the schema id of the input's subject: no subject of its own to register, and a
 * record written before an upgrade is still read with the schema it was written with).
 */
final class ActivitySerde implements Serde<SpecificRecord> {

    private final List<TopicSpec<String, ? extends SpecificRecord>> inputs;

    /** @param inputs the input topics in rank order: auth, telemetry, config, support */
    ActivitySerde(List<TopicSpec<String, ? extends SpecificRecord>> inputs) {
        if (inputs.size() != ActivityInput.values().length) {
            throw new IllegalArgumentException("one input per activity kind, got " + inputs.size());
        }
        this.inputs = List.copyOf(inputs);
    }

    @Override
    public Serializer<SpecificRecord> serializer() {
        return (topic, record) -> {
            if (record == null) {
                return null;
            }
            int rank = ActivityInput.of(record).rank();
            TopicSpec<String, ? extends SpecificRecord> input = inputs.get(rank);
            return KindByte.prefixed((byte) rank, serialize(input, record));
        };
    }

    @Override
    public Deserializer<SpecificRecord> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length < 2 || bytes[0] < 0 || bytes[0] >= inputs.size()) {
                throw new SerializationException("Not an activity of topic '" + topic + "': "
                        + (bytes.length == 0 ? "no bytes" : "input byte " + bytes[0] + " of " + bytes.length + " bytes"));
            }
            TopicSpec<String, ? extends SpecificRecord> input = inputs.get(bytes[0]);
            return input.valueSerde().deserializer().deserialize(input.name(), KindByte.rest(bytes));
        };
    }

    @SuppressWarnings("unchecked")
    private static byte[] serialize(TopicSpec<String, ? extends SpecificRecord> input, SpecificRecord record) {
        return ((Serializer<SpecificRecord>) input.valueSerde().serializer()).serialize(input.name(), record);
    }
}
