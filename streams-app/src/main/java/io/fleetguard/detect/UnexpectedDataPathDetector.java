package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;

import java.util.ArrayList;
import java.util.List;

/** Telemetry to a destination outside allowedDataPaths, via an unlisted gateway, or from outside allowedSourceCidrs is an unexpected data path, one finding per violated dimension. */
public final class UnexpectedDataPathDetector implements Detector {

    @Override
    public AlertType type() {
        return AlertType.UNEXPECTED_DATA_PATH;
    }

    @Override
    public List<Finding> detect(Activity activity, DeviceIdentity identity, Policy policy) {
        if (identity == null || activity.kind() != Activity.Kind.TELEMETRY) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>(3);
        String device = activity.deviceId();
        // Empty allow-lists mean "not enforced" (DeviceIdentity.avsc), not "nothing allowed".
        List<String> paths = identity.getAllowedDataPaths();
        String destination = activity.destination();
        if (!paths.isEmpty() && destination != null && !DataPaths.allows(paths, destination)) {
            findings.add(finding("destination:" + destination,
                    "Device " + device + " sent telemetry to " + destination + " outside its allowed data paths",
                    base(activity, "destination").put("allowedDataPaths", String.join(",", paths))));
        }
        List<String> gateways = identity.getAllowedGateways();
        String gateway = activity.gatewayId();
        if (gateway != null && !gateways.contains(gateway)) {
            findings.add(finding("gateway:" + gateway,
                    "Device " + device + " sent telemetry via unlisted gateway " + gateway,
                    base(activity, "gateway").put("allowedGateways", String.join(",", gateways))));
        }
        List<String> cidrs = identity.getAllowedSourceCidrs();
        String source = activity.sourceIp();
        if (source != null && !cidrs.isEmpty() && !SourceCidrs.contains(cidrs, source)) {
            findings.add(finding("source:" + source,
                    "Device " + device + " sent telemetry from " + source + " outside its allowed source networks",
                    base(activity, "source").put("allowedSourceCidrs", String.join(",", cidrs))));
        }
        return findings.isEmpty() ? List.of() : List.copyOf(findings);
    }

    private Finding finding(String subject, String summary, Evidence evidence) {
        return new Finding(type(), Severity.MEDIUM, subject, summary, evidence.toMap());
    }

    private static Evidence base(Activity activity, String violation) {
        return Evidence.of(activity)
                .put("violation", violation)
                .put("destination", activity.destination())
                .put("gatewayId", activity.gatewayId())
                .put("sourceIp", activity.sourceIp())
                .put("clientId", activity.clientId());
    }
}
