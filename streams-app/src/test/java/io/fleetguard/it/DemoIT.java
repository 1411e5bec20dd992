package io.fleetguard.it;

import io.fleetguard.demo.Demo;
import io.fleetguard.demo.DemoOptions;
import io.fleetguard.demo.DemoReport;
import io.fleetguard.demo.DemoReport.Incident;
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
        Demo demo = new Demo(new DemoOptions(300, 7, 150, 0.05, 2, Duration.ofSeconds(15), false, 0),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        DemoReport report = demo.run();

        Map<String, Incident> incidents = report.incidents();
        assertThat(report.eventsProcessed()).isEqualTo((double) report.eventsProduced());
        assertThat(report.deadLetters()).isZero();
        // Every alert was triggered by an injected incident of exactly its type and device (no false positives)
        assertThat(report.alerts()).allSatisfy(a ->
                assertThat(incidents.get(a.getTriggeringEventIds().get(0)))
                        .as(a.getSummary()).satisfies(i -> {
                            assertThat(i.deviceId()).isEqualTo(a.getDeviceId());
                            assertThat(i.raises()).contains(a.getType());
                        }));
        // Every incident raised its alert type on its device; repeats inside the suppression window
        // (1 h, or a day for CREDENTIAL_EXPIRING) are folded into the first alert of that device
        Set<String> alerted = report.alerts().stream().map(a -> a.getType() + " " + a.getDeviceId())
                .collect(Collectors.toSet());
        assertThat(alerted).containsExactlyInAnyOrderElementsOf(incidents.values().stream()
                .flatMap(i -> i.raises().stream().map(t -> t + " " + i.deviceId())).collect(Collectors.toSet()));
        // In 15 s every type is injected, dormancy by the devices last used a dormancy period before start
        Set<AlertType> injectedTypes = incidents.values().stream().map(Incident::type).collect(Collectors.toSet());
        assertThat(injectedTypes).isEqualTo(SimulationOptions.SUPPORTED_INCIDENTS);
        assertThat(report.alerts()).extracting(IdentityAlert::getType).containsAll(injectedTypes);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("SEVERITY", "IMPERSONATED_TELEMETRY", "ALERT TYPE");
    }
}
