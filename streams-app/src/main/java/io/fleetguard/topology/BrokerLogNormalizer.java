package io.fleetguard.topology;

import io.fleetguard.config.ConfigKeys;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.ingest.BrokerLogParsers;
import io.fleetguard.ingest.IdentityMapping;
import io.fleetguard.ingest.LogFormat;
import io.fleetguard.ingest.MosquittoSettings;
import io.fleetguard.ingest.MosquittoState;
import io.fleetguard.ingest.ParseOutcome;
import io.fleetguard.ingest.ParsedLine;
import io.fleetguard.metrics.FleetGuardMetrics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns raw broker log lines (key = broker id) into AuthEvents and TelemetryRecords keyed by
 * device. Mosquitto's correlation state (who connected before "Client &lt;unknown&gt; disconnected,
 * not authorised") lives per broker in the named store {@value #STORE}, so it survives restarts.
 * Unparseable lines are thrown to the dead-letter topic; harmless ones are counted and skipped.
 */
final class BrokerLogNormalizer implements Processor<String, String, String, SpecificRecord> {

    static final String STORE = "broker-log-state";
    static final String UNKNOWN_FORMAT = "unknown-log-format";

    private final BrokerLogParsers parsers;
    private final Map<String, LogFormat> formats;
    private final LogFormat defaultFormat;
    private final FleetGuardMetrics metrics;
    private final String input;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, byte[]> state;

    private BrokerLogNormalizer(FleetGuardConfig config, FleetGuardMetrics metrics) {
        IdentityMapping mapping = IdentityMapping.of(config.getString(ConfigKeys.INGEST_DEVICE_ID_FROM),
                config.getString(ConfigKeys.INGEST_DEVICE_ID_REGEX));
        String pattern = config.getString(ConfigKeys.INGEST_MOSQUITTO_TIMESTAMP_PATTERN);
        MosquittoSettings mosquitto = MosquittoSettings.defaults().withMapping(mapping)
                .withIdentityListenerPorts(config.getList(ConfigKeys.INGEST_MOSQUITTO_IDENTITY_PORTS).stream()
                        .map(p -> Integer.parseInt(p.trim())).collect(Collectors.toSet()))
                .withZone(ZoneId.of(config.getString(ConfigKeys.INGEST_MOSQUITTO_TIMEZONE)), pattern.isBlank() ? null : pattern)
                .withLimits(config.getInt(ConfigKeys.INGEST_MOSQUITTO_MAX_PENDING), config.getInt(ConfigKeys.INGEST_MOSQUITTO_MAX_SESSIONS));
        this.parsers = new BrokerLogParsers(mosquitto, mapping, mapping);
        this.formats = new HashMap<>();
        for (String entry : config.getList(ConfigKeys.INGEST_FORMATS)) {
            int colon = entry.lastIndexOf(':');
            formats.put(entry.substring(0, colon).trim(), LogFormat.fromName(entry.substring(colon + 1).trim()).orElseThrow());
        }
        this.defaultFormat = LogFormat.fromName(config.getString(ConfigKeys.INGEST_DEFAULT_FORMAT)).orElseThrow();
        this.metrics = metrics;
        this.input = config.topic(ConfigKeys.TOPIC_BROKER_LOGS);
    }

    static ProcessorSupplier<String, String, String, SpecificRecord> supplier(FleetGuardConfig config, FleetGuardMetrics metrics,
                                                                             StateStores stores) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, String, String, SpecificRecord> get() {
                return new BrokerLogNormalizer(config, metrics);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(stores.keyValue(STORE, Serdes.String(), Serdes.ByteArray()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.state = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, String> record) {
        metrics.recordIn(input);
        String broker = record.key() == null ? "" : record.key();
        if (record.value() == null) {
            throw new InvalidRecordException(RecordValidator.NULL_VALUE, "null broker log line");
        }
        LogFormat format = formatOf(broker, record.headers().lastHeader(LogFormat.HEADER));
        byte[] stored = state.get(broker);
        MosquittoState before = stored == null ? MosquittoState.EMPTY : decode(stored);
        ParseOutcome<MosquittoState> outcome = parsers.parse(format, broker, record.value(), record.timestamp(), before);
        if (outcome.stateChangedFrom(before)) {
            state.put(broker, outcome.state().toBytes());
        }
        ParsedLine result = outcome.result();
        if (result instanceof ParsedLine.Events events) {
            for (SpecificRecord e : events.authEventsAndTelemetry()) {
                long at = EventTimes.of(e);
                context.forward(new Record<>(deviceId(e), e, at == EventTimes.NONE ? record.timestamp() : at));
            }
        } else if (result instanceof ParsedLine.Skip skip) {
            metrics.brokerLogSkipped(skip.kind());
        } else if (result instanceof ParsedLine.Throttled throttled) {
            throttled.droppedByMessage().forEach(metrics::brokerLogThrottled);
        } else if (result instanceof ParsedLine.Reject reject) {
            throw new InvalidRecordException(reject.reason(), "broker log line of " + format.origin() + " rejected: " + reject.reason());
        }
    }

    private LogFormat formatOf(String broker, Header header) {
        if (header != null) {
            return LogFormat.fromName(new String(header.value(), StandardCharsets.UTF_8)).orElseThrow(() ->
                    new InvalidRecordException(UNKNOWN_FORMAT, "header " + LogFormat.HEADER + " names no known format"));
        }
        return formats.getOrDefault(broker, defaultFormat);
    }

    private static MosquittoState decode(byte[] stored) {
        try {
            return MosquittoState.fromBytes(stored);
        } catch (IllegalArgumentException corrupt) {
            return MosquittoState.EMPTY; // correlation is best effort; a corrupt entry must not stop ingestion
        }
    }

    private static String deviceId(SpecificRecord e) {
        return (String) e.get(e.getSchema().getField("deviceId").pos());
    }
}
