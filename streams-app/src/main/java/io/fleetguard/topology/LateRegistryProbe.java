package io.fleetguard.topology;

import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.schema.DeviceIdentity;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts registry versions that arrive too late to govern every activity they should: valid from a
 * time the event-order buffer has already released (stream time minus {@code event.order.grace.ms}),
 * so activities of that device after it may have been judged against the version before. Such a
 * version still applies to everything judged from now on; the count says how far live may have
 * departed from a replay. With a grace, one INFO line per late version names the device and how late
 * it was (at grace 0 every version older than stream time counts, which is normal and not logged).
 */
final class LateRegistryProbe implements FixedKeyProcessor<String, DeviceIdentity, DeviceIdentity> {

    private static final Logger LOG = LoggerFactory.getLogger(LateRegistryProbe.class);

    private final long graceMs;
    private final FleetGuardMetrics metrics;
    private FixedKeyProcessorContext<String, DeviceIdentity> context;

    LateRegistryProbe(Duration grace, FleetGuardMetrics metrics) {
        this.graceMs = grace.toMillis();
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, DeviceIdentity> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, DeviceIdentity> record) {
        // Stream time already includes this record; a version behind the release watermark is late.
        long watermark = context.currentStreamTimeMs() - graceMs;
        if (record.timestamp() < watermark) {
            metrics.registryUpdateLate();
            if (graceMs > 0) { // at grace 0 every version older than stream time counts: normal, not news
                LOG.info("Registry version of {} valid from {} arrived {} behind the event-order watermark {}",
                    record.key(), Instant.ofEpochMilli(record.timestamp()),
                        Duration.ofMillis(watermark - record.timestamp()), Instant.ofEpochMilli(watermark));
            }
        }
        context.forward(record);
    }
}
