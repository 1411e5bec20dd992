package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Severity;

import java.time.Duration;
import java.util.List;

/**
 * SHARED_CREDENTIAL: one credential (by fingerprint) authenticates successfully as two or more
 * devices within {@code window}; fires for each device that joins the set within the window (in
 * processing order, so with events out of order the device processed second is the one named).
 */
public final class SharedCredentialRule {

    private static final int CAPACITY = 32;

    private final Duration window;

    public SharedCredentialRule(Duration window) {
        this.window = window;
    }

    /** @param use a successful authentication that carries a credential fingerprint */
    public Step onUse(RecentEvents state, Activity use) {
        long at = use.timestamp();
        // Both sides of the event: a use by another device that was processed earlier but happened
        // later (another partition, or late within grace) shares the credential just the same.
        List<String> seenBefore = state.between(at - window.toMillis(), at + window.toMillis()).stream()
                .map(RecentEvents.Entry::label).distinct().toList();
        RecentEvents next = state.with(at, use.deviceId(), CAPACITY);
        if (seenBefore.isEmpty() || seenBefore.contains(use.deviceId())) {
            return new Step(next, List.of());
        }
        String others = String.join(",", seenBefore.stream().limit(10).toList());
        Finding f = new Finding(AlertType.SHARED_CREDENTIAL, Severity.HIGH, use.credentialFingerprint(),
                "Credential " + use.credentialFingerprint() + " authenticated as " + use.deviceId() + " and also as "
                        + others + " within " + window.toHours() + " h",
                Evidence.of(use)
                        .put("credentialFingerprint", use.credentialFingerprint())
                        .put("principal", use.principal())
                        .put("otherDevices", others)
                        .put("sourceIp", use.sourceIp())
                        .put("windowHours", window.toHours())
                        .toMap());
        return new Step(next.marked(at), List.of(f));
    }
}
