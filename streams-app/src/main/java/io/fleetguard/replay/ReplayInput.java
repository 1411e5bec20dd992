package io.fleetguard.replay;

import io.fleetguard.feed.JsonLinesEventSink;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.ConfigChange;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.RemoteSupportSession;
import io.fleetguard.schema.TelemetryRecord;
import io.fleetguard.sim.SimEvent;
import io.fleetguard.topology.FleetGuardTopics;
import io.fleetguard.topology.TopicSpec;
import org.apache.avro.specific.SpecificRecord;

import java.util.List;

/**
 * FleetGuard's five inputs as replay sees them: contract class, file name in an export directory,
 * topic, and the fields that carry event time (the same rule as {@code topology.EventTimes}). The
 * declaration order is the tie-break order for records with equal timestamps.
 */
public enum ReplayInput {
    REGISTRY(SimEvent.Stream.REGISTRY, DeviceIdentity.class, List.of("updatedAt")),
    AUTH(SimEvent.Stream.AUTH, AuthEvent.class, List.of("timestamp")),
    TELEMETRY(SimEvent.Stream.TELEMETRY, TelemetryRecord.class, List.of("timestamp")),
    CONFIG(SimEvent.Stream.CONFIG, ConfigChange.class, List.of("timestamp")),
    /** A session's event time is its end once it has one, else its start. */
    SUPPORT(SimEvent.Stream.SUPPORT, RemoteSupportSession.class, List.of("endedAt", "startedAt"));

    private final SimEvent.Stream stream;
    private final Class<? extends SpecificRecord> type;
    private final List<String> timeFields;

    ReplayInput(SimEvent.Stream stream, Class<? extends SpecificRecord> type, List<String> timeFields) {
        this.stream = stream;
        this.type = type;
        this.timeFields = timeFields;
    }

    /** The file name {@code export} writes and {@code feed.JsonLinesEventSink} uses, e.g. {@code auth.jsonl}. */
    public String fileName() {
        return JsonLinesEventSink.fileName(stream);
    }

    public Class<? extends SpecificRecord> type() {
        return type;
    }

    /** Event-time fields in order of preference: the first one present and not null wins. */
    List<String> timeFields() {
        return timeFields;
    }

    @SuppressWarnings("unchecked")
    public TopicSpec<String, SpecificRecord> topic(FleetGuardTopics topics) {
        TopicSpec<String, ? extends SpecificRecord> spec = switch (this) {
            case REGISTRY -> topics.registry();
            case AUTH -> topics.authEvents();
            case TELEMETRY -> topics.telemetry();
            case CONFIG -> topics.configChanges();
            case SUPPORT -> topics.supportSessions();
        };
        return (TopicSpec<String, SpecificRecord>) spec;
    }
}
