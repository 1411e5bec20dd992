package io.fleetguard.detect;

import java.util.ArrayList;
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

    /**
     * Every stateless detector: {@link #core()} followed by the hygiene, lifecycle and change-control
     * rules in catalogue order (DESIGN.md section 5), then client-id takeovers, so output order is stable. Remote support is
     * judged with memory of the session ({@link SupportSessionRule}).
     */
    public static List<Detector> all() {
        List<Detector> all = new ArrayList<>(core());
        all.add(new DefaultCredentialDetector());
        all.add(new RetiredIdentityActiveDetector());
        all.add(new OrphanedIdentityDetector());
        all.add(new UnauthorizedConfigChangeDetector());
        all.add(new FirmwareDriftDetector());
        all.add(new ClientIdTakeoverDetector());
        return List.copyOf(all);
    }
}
