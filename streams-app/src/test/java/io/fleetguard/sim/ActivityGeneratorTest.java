package io.fleetguard.sim;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.AuthOutcome;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.TelemetryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityGeneratorTest {

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    private static SimulationOptions.Builder smallFleet() {
        return SimulationOptions.builder().devices(200).incidentRate(0.1);
    }

    /** The demo's short dormancy, which gives the fleet returning devices. */
    private static final io.fleetguard.detect.Policy DEMO_POLICY =
            io.fleetguard.detect.Policy.defaults().withDormancy(io.fleetguard.demo.Demo.DORMANCY);

    private static List<SimEvent> take(SimulationOptions options, int n) {
        return ActivityGenerator.stream(options).limit(n).toList();
    }

    @Test
    void shouldEmitIdenticalEventsForTheSameSeed() {
        List<SimEvent> first = take(smallFleet().seed(7).build(), 5_000);
        List<SimEvent> second = take(smallFleet().seed(7).build(), 5_000);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldEmitDifferentRegistryAndActivityForADifferentSeed() {
        List<SimEvent> seven = take(smallFleet().seed(7).build(), 1_000);
        List<SimEvent> eight = take(smallFleet().seed(8).build(), 1_000);

        assertThat(seven.subList(0, 200)).isNotEqualTo(eight.subList(0, 200));
        assertThat(seven.subList(200, 1_000)).isNotEqualTo(eight.subList(200, 1_000));
    }

    @Test
    void shouldStartWithExactlyOneRegistryRecordPerDeviceBeforeTheStart() {
        SimulationOptions options = smallFleet().build();
        FleetGenerator fleet = new FleetGenerator(options);

        List<SimEvent> block = take(options, 200);

        assertThat(block).allSatisfy(e -> {
            assertThat(e.stream()).isEqualTo(SimEvent.Stream.REGISTRY);
            assertThat(e.value()).isInstanceOf(DeviceIdentity.class);
            assertThat(e.timestamp()).isLessThan(START.toEpochMilli());
            assertThat(e.timestamp()).isEqualTo(((DeviceIdentity) e.value()).getUpdatedAt().toEpochMilli());
        });
        assertThat(block.stream().map(SimEvent::key).distinct()).hasSize(200);
        assertThat(block.stream().map(SimEvent::key).toList())
                .isEqualTo(fleet.stream().map(DeviceIdentity::getDeviceId).toList());
    }

    @Test
    void shouldEmitTheRegistryThenTheReturningDevicesLastUsesThenActivityInTimestampOrder() {
        SimulationOptions options = smallFleet().policy(DEMO_POLICY).build();
        int devices = options.devices();
        List<SimEvent> events = take(options, 20_000);

        // The registry block, in timestamp order
        for (int i = 1; i < devices; i++) {
            assertThat(events.get(i).timestamp()).as("event %d", i).isGreaterThanOrEqualTo(events.get(i - 1).timestamp());
        }
        // then the returning devices' last uses, a dormancy period and two hours before start
        long lastUses = options.start().minus(Duration.ofDays(7)).minus(Duration.ofHours(2)).toEpochMilli();
        for (int r = 0; r < FleetGenerator.RETURNING; r++) {
            SimEvent use = events.get(devices + r);
            assertThat(use.stream()).isEqualTo(SimEvent.Stream.AUTH);
            assertThat(use.timestamp()).isEqualTo(lastUses + r * 1000L);
            assertThat(use.isIncident()).isFalse();
        }
        // then activity from start on, in timestamp order
        assertThat(events.get(devices + FleetGenerator.RETURNING).timestamp()).isGreaterThanOrEqualTo(options.start().toEpochMilli());
        for (int i = devices + FleetGenerator.RETURNING + 1; i < events.size(); i++) {
            assertThat(events.get(i).timestamp()).as("event %d", i).isGreaterThanOrEqualTo(events.get(i - 1).timestamp());
        }
    }

    @Test
    void shouldInjectEverySupportedTypeButDormancyWithinTheFirstEventsOfASmallFleet() {
        SimulationSummary summary = SimulationSummary.of(take(smallFleet().build(), 10_000));

        EnumSet<AlertType> expected = EnumSet.copyOf(SimulationOptions.SUPPORTED_INCIDENTS);
        expected.remove(AlertType.DORMANT_IDENTITY_REACTIVATED);
        assertThat(summary.incidentsPerType().keySet()).isEqualTo(expected);
    }

    @Test
    void shouldInjectEveryTypeWithADormancyShortEnoughForReturningDevices() {
        SimulationSummary summary = SimulationSummary.of(take(smallFleet().policy(DEMO_POLICY).build(), 10_000));

        // Dormancy too: the returning devices were last used a dormancy period before start
        assertThat(summary.incidentsPerType().keySet()).isEqualTo(SimulationOptions.SUPPORTED_INCIDENTS);
    }

    @Test
    void shouldHaveNoReturningDevicesUnderTheDefaultDormancy() {
        assertThat(new FleetGenerator(smallFleet().build()).returning()).isEmpty();
        assertThat(new FleetGenerator(smallFleet().policy(dormancyDays(15)).build()).returning()).isEmpty();
        assertThat(new FleetGenerator(smallFleet().policy(dormancyDays(14)).build()).returning())
                .hasSize(FleetGenerator.RETURNING);
    }

    private static io.fleetguard.detect.Policy dormancyDays(int days) {
        return io.fleetguard.detect.Policy.defaults().withDormancy(Duration.ofDays(days));
    }

    // The embedded demo (DemoIT) runs seconds of wall-clock time from whatever hour it is, and
    // expects every type among the incidents it produced.
    @ParameterizedTest(name = "starting at {0}:17 UTC")
    @ValueSource(ints = {0, 1, 2, 3, 4, 8, 12, 16, 20, 21, 22, 23})
    void shouldLabelEveryTypeWithinTheDemosFirstTenSeconds(int hour) {
        Instant start = START.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(17));
        SimulationOptions options = SimulationOptions.builder().seed(7).devices(300).eventsPerSecond(150)
                .incidentRate(0.05).start(start).policy(DEMO_POLICY).build();

        SimulationSummary summary = SimulationSummary.of(ActivityGenerator.stream(options)
                .takeWhile(e -> e.timestamp() < start.toEpochMilli() + 10_000).toList());

        assertThat(summary.incidentsPerType().keySet()).isEqualTo(SimulationOptions.SUPPORTED_INCIDENTS);
    }

    @Test
    void shouldReactivateParkedDevicesOnlyAfterTheDormancyPeriod() {
        // One action per 10 simulated minutes over about 280 days.
        SimulationOptions options = SimulationOptions.builder().seed(5).devices(200).eventsPerSecond(1 / 600.0)
                .incidentRate(0.1).incidentTypes(EnumSet.of(AlertType.DORMANT_IDENTITY_REACTIVATED)).build();
        Map<String, Long> lastUse = new HashMap<>();
        int reactivated = 0;

        for (SimEvent e : take(options, 200 + 40_000)) {
            boolean use = e.value() instanceof TelemetryRecord
                    || (e.value() instanceof AuthEvent a && a.getOutcome() == AuthOutcome.SUCCESS);
            if (!use) {
                continue;
            }
            if (e.expected() == AlertType.DORMANT_IDENTITY_REACTIVATED) {
                long silence = e.timestamp() - lastUse.get(e.key());
                assertThat(silence).as(e.label()).isBetween(Duration.ofDays(90).toMillis(), Duration.ofDays(180).toMillis());
                reactivated++;
            }
            lastUse.put(e.key(), e.timestamp());
        }
        assertThat(reactivated).isGreaterThanOrEqualTo(LifecycleIncidents.PARKED);
    }

    @Test
    void shouldInjectOnlyTheSelectedTypes() {
        SimulationOptions options = smallFleet().incidentTypes(EnumSet.of(AlertType.UNKNOWN_DEVICE)).build();

        SimulationSummary summary = SimulationSummary.of(take(options, 5_000));

        assertThat(summary.incidentsPerType().keySet()).containsExactly(AlertType.UNKNOWN_DEVICE);
    }

    @Test
    void shouldInjectNothingAtAZeroIncidentRate() {
        SimulationSummary summary = SimulationSummary.of(take(smallFleet().incidentRate(0).build(), 5_000));

        assertThat(summary.incidents()).isZero();
    }

    @Test
    void shouldNameOnlyUnregisteredDevicesInUnknownDeviceIncidents() {
        SimulationOptions options = smallFleet().build();
        FleetGenerator fleet = new FleetGenerator(options);
        List<SimEvent> events = take(options, 10_000);
        Set<String> registered = new HashSet<>();
        events.stream().filter(e -> e.stream() == SimEvent.Stream.REGISTRY).forEach(e -> registered.add(e.key()));

        List<String> unknown = events.stream()
                .filter(e -> e.expected() == AlertType.UNKNOWN_DEVICE).map(SimEvent::key).toList();

        assertThat(unknown).isNotEmpty();
        assertThat(unknown).allSatisfy(id -> {
            assertThat(fleet.contains(id)).as(id).isFalse();
            assertThat(registered).doesNotContain(id);
        });
    }

    @Test
    void shouldSendNormalTelemetryOnlyToDestinationsTheDeviceAllows() {
        Map<String, DeviceIdentity> registry = new HashMap<>();
        int checked = 0;
        for (SimEvent e : take(smallFleet().build(), 10_000)) {
            if (e.stream() == SimEvent.Stream.REGISTRY) {
                registry.put(e.key(), (DeviceIdentity) e.value());
            } else if (e.stream() == SimEvent.Stream.TELEMETRY && !e.isIncident()) {
                String destination = ((TelemetryRecord) e.value()).getDestination();
                assertThat(ReferenceRules.allowsPath(registry.get(e.key()).getAllowedDataPaths(), destination))
                        .as("%s to %s", e.key(), destination).isTrue();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5_000);
    }

    @Test
    void shouldKeepGoingWithAFleetOfOneGateway() {
        SimulationOptions options = SimulationOptions.builder().devices(1).incidentRate(0.5).build();

        List<SimEvent> events = take(options, 2_000);

        assertThat(events.get(0).key()).isEqualTo("gw-000000");
        assertThat(events.stream().filter(SimEvent::isIncident).map(SimEvent::expected).distinct())
                .doesNotContain(AlertType.STALE_CREDENTIAL, AlertType.EXPIRED_CREDENTIAL, AlertType.CREDENTIAL_EXPIRING);
    }

    @Test
    void shouldNumberEventIdsFromTheSeed() {
        List<SimEvent> events = take(smallFleet().seed(9).build(), 1_000);

        assertThat(events.stream().filter(e -> e.value() instanceof TelemetryRecord).findFirst().orElseThrow().value())
                .extracting(v -> ((TelemetryRecord) v).getEventId()).asString().startsWith("sim-9-");
    }
}
