package io.fleetguard.it;

import io.fleetguard.demo.Demo;
import io.fleetguard.demo.DemoOptions;
import io.fleetguard.demo.DemoReport;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.sim.SimulationOptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded demo end to end: injected incidents come out as exactly the expected alerts. */
class DemoIT {

    @Test
    void shouldTurnEveryInjectedIncidentIntoItsAlertAndNothingElse() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Demo demo = new Demo(new DemoOptions(300, 7, 150, 0.05, 2, Duration.ofSeconds(15), false),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        DemoReport report = demo.run();

        Map<String, AlertType> incidents = report.incidents();
        assertThat(report.eventsProcessed()).isEqualTo((double) report.eventsProduced());
        assertThat(report.deadLetters()).isZero();
        // Every alert was triggered by an injected incident of exactly its type (no false positives)
        assertThat(report.alerts()).allSatisfy(a ->
                assertThat(incidents.get(a.getTriggeringEventIds().get(0))).as(a.getSummary()).isEqualTo(a.getType()));
        // Every incident raised its alert; CREDENTIAL_EXPIRING only once per device, credential and day
        Set<String> alerted = report.alerts().stream().map(a -> a.getTriggeringEventIds().get(0)).collect(Collectors.toSet());
        incidents.forEach((eventId, type) -> {
            if (type != AlertType.CREDENTIAL_EXPIRING) {
                assertThat(alerted).as("alert for %s incident %s", type, eventId).contains(eventId);
            }
        });
        // The types that came out are exactly the types injected; in 15 s that is nearly all of them
        // (a rotated-out credential is only reused up to a minute after its rotation)
        Set<AlertType> injectedTypes = Set.copyOf(incidents.values());
        assertThat(report.alerts().stream().map(IdentityAlert::getType).collect(Collectors.toSet())).isEqualTo(injectedTypes);
        assertThat(injectedTypes).hasSizeGreaterThanOrEqualTo(SimulationOptions.SUPPORTED_INCIDENTS.size() - 1);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("SEVERITY", "IMPERSONATED_TELEMETRY", "ALERT TYPE");
    }
}
