package io.fleetguard.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A device's allowed data paths and the destinations the simulator sends to: normal ones inside
 * them and off-path ones outside. Both are built here so the two cannot drift apart.
 */
final class DataPaths {

    static final String INGEST = "https://ingest.example.com/v1/devices/";
    private static final List<String> METRICS = List.of("state", "temperature", "heartbeat", "counters", "events");
    private static final List<String> COMPONENTS = List.of("fw", "net", "power");

    private final FleetLayout layout;

    DataPaths(FleetLayout layout) {
        this.layout = layout;
    }

    /** MQTT filters under the device's own topic tree, plus an HTTPS prefix for some cameras. */
    List<String> allowed(DeviceProfile p) {
        List<String> paths = new ArrayList<>(3);
        paths.add(base(p) + "telemetry/#");
        paths.add(base(p) + "+/status");
        if (p.https()) {
            paths.add(INGEST + p.deviceId() + "/");
        }
        return List.copyOf(paths);
    }

    String normal(DeviceProfile p, SplittableRandom random) {
        int roll = random.nextInt(100);
        if (p.https() && roll < 30) {
            return INGEST + p.deviceId() + "/" + pick(METRICS, random);
        }
        if (roll < 85) {
            return base(p) + "telemetry/" + pick(METRICS, random);
        }
        return base(p) + pick(COMPONENTS, random) + "/status";
    }

    /** A destination none of the device's allowed paths admits. */
    String offPath(DeviceProfile p, SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> base(p) + "cmd/exec";
            // Site numbers run 1..250, so this is never the device's own site.
            case 1 -> "fleet/" + layout.siteName(p.site() % 250 + 1) + "/" + p.deviceId() + "/telemetry/state";
            case 2 -> "https://paste.example.net/upload/" + p.deviceId();
            default -> "$SYS/broker/clients/connected";
        };
    }

    private String base(DeviceProfile p) {
        return "fleet/" + layout.siteName(p.site()) + "/" + p.deviceId() + "/";
    }

    private static String pick(List<String> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}
