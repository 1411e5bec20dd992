package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The per-device history rules, over one small state per registered device:
 * DORMANT_IDENTITY_REACTIVATED — a device silent for {@code dormancy} is used again (MEDIUM);
 * CLONED_IDENTITY — a device authenticates successfully from two source networks (IPv4 /24,
 * IPv6 /64) within {@code cloneWindow} (HIGH). Gateway-relayed activity has the gateway's address,
 * so it counts for dormancy but not for networks. A device with no history yet is never dormant.
 */
public final class DeviceActivityRule {

    private static final int CAPACITY = 8;
    private static final long MARK_PRECISION_MS = Duration.ofHours(1).toMillis();

    private final Duration dormancy;
    private final Duration cloneWindow;

    public DeviceActivityRule(Duration dormancy, Duration cloneWindow) {
        this.dormancy = dormancy;
        this.cloneWindow = cloneWindow;
    }

    /** @param use a credential use (successful authentication or telemetry) of a registered device */
    public Step onUse(RecentEvents state, Activity use) {
        long at = use.timestamp();
        String network = use.kind() == Activity.Kind.AUTH && use.gatewayId() == null ? SourceNetwork.of(use.sourceIp()) : null;
        // Entries are the networks of recent direct authentications; the mark is when the device was
        // last seen, kept to the hour: a use within the hour after the mark changes nothing, so the
        // state (and its changelog) is not rewritten for every telemetry record. Dormancy is months.
        if (network == null && state.mark() != RecentEvents.NEVER && at >= state.mark() && at - state.mark() < MARK_PRECISION_MS) {
            return new Step(state, List.of());
        }
        RecentEvents next = (network == null ? state : state.with(at, network, CAPACITY)).marked(Math.max(at, state.mark()));
        List<Finding> findings = new ArrayList<>(1);
        long lastSeen = state.mark();
        if (lastSeen != RecentEvents.NEVER && at - lastSeen >= dormancy.toMillis()) {
            findings.add(new Finding(AlertType.DORMANT_IDENTITY_REACTIVATED, Severity.MEDIUM, use.deviceId(),
                    "Device " + use.deviceId() + " is active again after " + Duration.ofMillis(at - lastSeen).toDays()
                            + " days of silence",
                    Evidence.of(use).put("lastSeen", Instant.ofEpochMilli(lastSeen)).put("silentDays",
                            Duration.ofMillis(at - lastSeen).toDays()).put("sourceIp", use.sourceIp()).toMap()));
        }
        if (network != null) {
            TreeSet<String> networks = new TreeSet<>();
            state.between(at - cloneWindow.toMillis(), at).forEach(e -> networks.add(e.label()));
            if (!networks.isEmpty() && !networks.contains(network)) {
                networks.add(network);
                String pair = String.join("|", networks);
                findings.add(new Finding(AlertType.CLONED_IDENTITY, Severity.HIGH, "networks:" + pair,
                        "Device " + use.deviceId() + " authenticated from " + networks.size() + " networks within "
                                + cloneWindow.toMinutes() + " min: " + String.join(", ", networks),
                        Evidence.of(use).put("networks", String.join(",", networks)).put("sourceIp", use.sourceIp())
                                .put("clientId", use.clientId()).put("principal", use.principal()).toMap()));
            }
        }
        return new Step(next, findings);
    }
}
