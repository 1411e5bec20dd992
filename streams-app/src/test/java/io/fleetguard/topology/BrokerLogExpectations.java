package io.fleetguard.topology;

import java.util.List;

/** What the captured Mosquitto fixture must raise, shared by the TopologyTestDriver test and the IT. */
public final class BrokerLogExpectations {

    private BrokerLogExpectations() {
    }

    /** The scenarios of the fixture README, as alerts (suppression folds the repeats). */
    public static final List<String> ALERTS = List.of(
            // 3-5, 10-11: refused logins name nobody; Mosquitto only says "Client <unknown>"
            "UNKNOWN_DEVICE MEDIUM <unknown> <unknown>",
            // 6: client cam-setup logs in as the factory-default admin
            "UNKNOWN_DEVICE HIGH cam-setup cam-setup",
            "DEFAULT_CREDENTIAL CRITICAL cam-setup principal:admin",
            // 7: client id sensor-0002 taken over by user sensor-0001, which then publishes as sensor-0002
            // the takeover itself names both principals; the newcomer logged in with a principal not sensor-0002's
            "CLONED_IDENTITY HIGH sensor-0002 client-id:sensor-0002",
            "CLONED_IDENTITY HIGH sensor-0002 principal:sensor-0001",
            "IMPERSONATED_TELEMETRY CRITICAL sensor-0002 principal:sensor-0001",
            "UNEXPECTED_DATA_PATH MEDIUM sensor-0002 destination:devices/sensor-0001/telemetry",
            // 8: publishes outside the ACL (denied by the broker, still attempts)
            "UNEXPECTED_DATA_PATH MEDIUM sensor-0001 destination:devices/sensor-0002/telemetry",
            "UNEXPECTED_DATA_PATH MEDIUM sensor-0001 destination:factory/firmware/update",
            // 9: the TLS identity sensor-0003 publishes outside its paths
            "UNEXPECTED_DATA_PATH MEDIUM sensor-0003 destination:devices/sensor-0001/telemetry",
            // five refused logins plus the takeover's kicked-out session, all from 127.0.0.1
            "AUTH_FAILURE_BURST HIGH <unknown> source:127.0.0.1",
            "AUTH_FAILURE_BURST MEDIUM <unknown> device:<unknown>");
}
