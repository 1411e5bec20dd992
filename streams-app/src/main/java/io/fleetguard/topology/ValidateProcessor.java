package io.fleetguard.topology;

import io.fleetguard.metrics.FleetGuardMetrics;
import io.micrometer.core.instrument.Counter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.util.function.Function;

/**
 * Counts every record of one input and lets through only those that keep the input contract;
 * the others are thrown as {@link InvalidRecordException} on their way to the dead-letter topic.
 *
 * @param <V> the input's Avro type
 */
final class ValidateProcessor<V extends SpecificRecord> implements FixedKeyProcessor<String, V, V> {

    private final RecordValidator validator;
    private final Function<V, String> deviceIdOf;
    private final FleetGuardMetrics metrics;
    private final String input;
    private final boolean registry;
    private final boolean keyedByDevice;
    private FixedKeyProcessorContext<String, V> context;
    private Counter recordsIn;

    /**
     * @param registry true for the registry topic: a null value (tombstone) deregisters the device,
     *                 and the key must be the deviceId. The registry is compacted by key, so an
     *                 identity under another key would shadow that device: it is rejected, not re-keyed.
     */
    static <V extends SpecificRecord> ValidateProcessor<V> registry(RecordValidator validator, Function<V, String> deviceIdOf,
                                                                   FleetGuardMetrics metrics, String input) {
        return new ValidateProcessor<>(validator, deviceIdOf, metrics, input, true, true);
    }

    /**
     * @param keyedByDevice true when the topology does not re-key events ({@code input.rekey.enabled=false}):
     *                      a record whose key is not its deviceId is rejected
     */
    static <V extends SpecificRecord> ValidateProcessor<V> events(RecordValidator validator, Function<V, String> deviceIdOf,
                                                                 FleetGuardMetrics metrics, String input, boolean keyedByDevice) {
        return new ValidateProcessor<>(validator, deviceIdOf, metrics, input, false, keyedByDevice);
    }

    private ValidateProcessor(RecordValidator validator, Function<V, String> deviceIdOf, FleetGuardMetrics metrics,
                              String input, boolean registry, boolean keyedByDevice) {
        this.validator = validator;
        this.deviceIdOf = deviceIdOf;
        this.metrics = metrics;
        this.input = input;
        this.registry = registry;
        this.keyedByDevice = keyedByDevice;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
        this.recordsIn = metrics.recordsInCounter(input);
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        recordsIn.increment();
        V value = record.value();
        if (value == null && registry) {
            if (record.key() == null || record.key().isBlank()) {
                throw new InvalidRecordException(RecordValidator.MISSING_DEVICE_ID, "tombstone without a key");
            }
            context.forward(record);
            return;
        }
        String deviceId = value == null ? null : deviceIdOf.apply(value);
        validator.validate(value, deviceId, record.timestamp());
        if (keyedByDevice && !deviceId.equals(record.key())) {
            throw new InvalidRecordException(RecordValidator.KEY_MISMATCH, registry
                    ? "registry record key differs from its deviceId; the registry must be keyed by deviceId"
                    : "record key differs from its deviceId, and re-keying is off (input.rekey.enabled=false)");
        }
        context.forward(record);
    }
}
