package io.fleetguard.detect;

import java.util.List;

/** The stateless detector catalogue. */
public final class Detectors {

    private Detectors() {
    }

    /**
     * The seven stateless core detectors, in a fixed order (unknown device first, then the
     * credential lifecycle rules, then impersonation and data path) so output order is stable.
     */
    public static List<Detector> core() {
        return List.of(
                new UnknownDeviceDetector(),
                new StaleCredentialDetector(),
                new ExpiredCredentialDetector(),
                new RevokedCredentialDetector(),
                new CredentialExpiringDetector(),
                new ImpersonatedTelemetryDetector(),
                new UnexpectedDataPathDetector());
    }
}
