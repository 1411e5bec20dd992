package io.fleetguard.topology;

import io.fleetguard.detect.Activity;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.ConfigChange;
import io.fleetguard.schema.RemoteSupportSession;
import io.fleetguard.schema.TelemetryRecord;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import java.util.function.Function;

/**
 * The four activity inputs, in the order offline replay breaks ties between events of the same
 * time (the ordinal is that rank): what each record class is called, how its device and its
 * {@link Activity} are read. The one place that dispatches on an activity's class.
 */
enum ActivityInput {
    AUTH("auth", AuthEvent.class, AuthEvent.getClassSchema(), e -> ((AuthEvent) e).getDeviceId(), e -> Activity.of((AuthEvent) e)),
    TELEMETRY("telemetry", TelemetryRecord.class, TelemetryRecord.getClassSchema(),
            e -> ((TelemetryRecord) e).getDeviceId(), e -> Activity.of((TelemetryRecord) e)),
    CONFIG("config", ConfigChange.class, ConfigChange.getClassSchema(),
            e -> ((ConfigChange) e).getDeviceId(), e -> Activity.of((ConfigChange) e)),
    SUPPORT("support", RemoteSupportSession.class, RemoteSupportSession.getClassSchema(),
            e -> ((RemoteSupportSession) e).getDeviceId(), e -> Activity.of((RemoteSupportSession) e));

    private static final ActivityInput[] BY_RANK = values();

    private final String inputName;
    private final Class<? extends SpecificRecord> type;
    private final Schema schema;
    private final Function<SpecificRecord, String> deviceId;
    private final Function<SpecificRecord, Activity> activity;

    ActivityInput(String inputName, Class<? extends SpecificRecord> type, Schema schema,
                  Function<SpecificRecord, String> deviceId, Function<SpecificRecord, Activity> activity) {
        this.inputName = inputName;
        this.type = type;
        this.schema = schema;
        this.deviceId = deviceId;
        this.activity = activity;
    }

    static ActivityInput of(SpecificRecord event) {
        for (ActivityInput input : BY_RANK) {
            if (input.type.isInstance(event)) {
                return input;
            }
        }
        throw new IllegalArgumentException("not an activity: " + (event == null ? "null" : event.getClass().getName()));
    }

    static ActivityInput ofRank(int rank) {
        if (rank < 0 || rank >= BY_RANK.length) {
            throw new IllegalArgumentException("no activity input of rank " + rank);
        }
        return BY_RANK[rank];
    }

    /** The tie-break rank among activities of the same event time. */
    int rank() {
        return ordinal();
    }

    /** The short name used in processor names, metrics and logs: auth, telemetry, config, support. */
    String inputName() {
        return inputName;
    }

    Schema schema() {
        return schema;
    }

    String deviceId(SpecificRecord event) {
        return deviceId.apply(event);
    }

    Activity activity(SpecificRecord event) {
        return activity.apply(event);
    }
}
