package io.fleetguard.sim;

import io.fleetguard.detect.Policy;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.TrustTier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

class FleetGeneratorTest {

    private static final long START = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    private final FleetGenerator fleet = new FleetGenerator(SimulationOptions.defaults());

    @Test
    void shouldGenerateTheLastDeviceOfAMillionWithoutGeneratingTheOthers() {
        FleetGenerator million = new FleetGenerator(SimulationOptions.builder().devices(1_000_000).build());
        million.device(0); // class loading and JIT warm-up stay outside the bound

        // A generous bound: generating the 999,999 devices before it would take seconds.
        DeviceIdentity last = assertTimeout(Duration.ofMillis(500), () -> million.device(999_999));

        assertThat(last.getDeviceId()).endsWith("-999999");
        assertThat(last.getAllowedSourceCidrs()).containsExactly("10.250.0.0/16");
        assertThat(last.getUpdatedAt().toEpochMilli()).isLessThan(START);
    }

    @Test
    void shouldGenerateTheSameDeviceForTheSameSeedAndIndex() {
        FleetGenerator again = new FleetGenerator(SimulationOptions.defaults());

        assertThat(again.device(123)).isEqualTo(fleet.device(123));
        assertThat(again.stream().toList()).isEqualTo(fleet.stream().toList());
    }

    @Test
    void shouldGiveADifferentSeedDifferentFingerprints() {
        FleetGenerator other = new FleetGenerator(SimulationOptions.builder().seed(43).build());

        assertThat(fingerprint(other.device(123))).isNotEqualTo(fingerprint(fleet.device(123)));
    }

    @Test
    void shouldIterateTheSameRecordsAsLookupByIndex() {
        List<DeviceIdentity> iterated = new ArrayList<>();
        fleet.forEach(iterated::add);

        assertThat(iterated).hasSize(500);
        assertThat(iterated.get(377)).isEqualTo(fleet.device(377));
    }

    @Test
    void shouldNameDevicesByClassPrefixAndIndex() {
        for (int i = 0; i < fleet.size(); i++) {
            DeviceIdentity d = fleet.device(i);
            String prefix = switch (d.getDeviceClass()) {
                case "camera" -> "cam";
                case "sensor" -> "sen";
                case "gateway" -> "gw";
                default -> d.getDeviceClass();
            };
            assertThat(d.getDeviceId()).isEqualTo(String.format("%s-%06d", prefix, i));
            assertThat(fleet.contains(d.getDeviceId())).isTrue();
        }
        assertThat(fleet.contains("cam-000500")).isFalse();
        assertThat(fleet.contains("nonsense")).isFalse();
    }

    @Test
    void shouldMakeTheFirstDeviceOfEveryCellOfTwentyAGateway() {
        assertThat(fleet.stream().filter(d -> d.getDeviceClass().equals("gateway")).count()).isEqualTo(25);
        assertThat(fleet.device(40).getDeviceId()).isEqualTo("gw-000040");
        assertThat(fleet.device(40).getTrustTier()).isEqualTo(TrustTier.MTLS_CERT);
    }

    @Test
    void shouldRouteGatewayMediatedSensorsThroughTheirCellGateway() {
        List<DeviceIdentity> mediated = fleet.stream()
                .filter(d -> d.getTrustTier() == TrustTier.GATEWAY_MEDIATED).toList();

        assertThat(mediated).isNotEmpty().allSatisfy(d -> {
            int index = Integer.parseInt(d.getDeviceId().substring(4));
            assertThat(d.getDeviceClass()).isEqualTo("sensor");
            assertThat(d.getAllowedGateways()).containsExactly(fleet.deviceId(index - index % 20));
        });
    }

    @Test
    void shouldKeepEveryCredentialOfHealthyDevicesWithinPolicyAtStart() {
        CredentialClock clock = new CredentialClock(Policy.defaults());

        Set<Integer> returning = java.util.Arrays.stream(fleet.returning()).boxed().collect(java.util.stream.Collectors.toSet());
        for (int i = 0; i < fleet.size(); i++) {
            if (returning.contains(i)) {
                continue; // registered months early, silent until a dormancy incident renews and uses them
            }
            DeviceRole role = fleet.profile(i).role();
            Set<AlertType> findings = clock.findings(CredentialIssuer.current(fleet.device(i)), START);
            Set<AlertType> expected = switch (role) {
                case GATEWAY, NORMAL -> Set.of();
                case STALE -> Set.of(AlertType.STALE_CREDENTIAL);
                case LAPSED -> Set.of(AlertType.EXPIRED_CREDENTIAL);
                // Only the first cohort is inside its expiring window at start.
                case EXPIRING -> FleetLayout.expiringCohort(i) == 0 ? Set.of(AlertType.CREDENTIAL_EXPIRING) : Set.of();
            };
            assertThat(findings).as("%s %s", role, fleet.deviceId(i)).isEqualTo(expected);
        }
    }

    @Test
    void shouldWriteTheReturningDevicesFirstThenTheRegistryInIndexOrderDuringTheWeekBeforeStart() {
        // Given the demo's 7-day dormancy, which gives the fleet returning devices
        FleetGenerator fleet = new FleetGenerator(SimulationOptions.builder()
                .policy(Policy.defaults().withDormancy(Duration.ofDays(7))).build());
        List<DeviceIdentity> registry = fleet.stream().toList();
        int[] returning = fleet.returning();

        // The four returning devices: ordinary, direct, registered 10 days and 2 hours before start
        assertThat(returning).hasSize(FleetGenerator.RETURNING);
        for (int r = 0; r < returning.length; r++) {
            DeviceProfile p = fleet.profile(returning[r]);
            assertThat(p.role()).isEqualTo(DeviceRole.NORMAL);
            assertThat(p.direct() && p.eligible()).isTrue();
            assertThat(registry.get(r).getDeviceId()).isEqualTo(p.deviceId());
            assertThat(registry.get(r).getUpdatedAt()).isEqualTo(Instant.parse("2025-12-25T22:00:00Z").plusSeconds(r));
        }
        // then every other device once, in index order, in timestamp order
        assertThat(registry).extracting(DeviceIdentity::getDeviceId).doesNotHaveDuplicates().hasSize(fleet.size());
        assertThat(registry.get(returning.length).getUpdatedAt()).isEqualTo(Instant.parse("2025-12-28T00:00:00Z"));
        for (int i = 1; i < registry.size(); i++) {
            assertThat(registry.get(i).getUpdatedAt()).isAfterOrEqualTo(registry.get(i - 1).getUpdatedAt());
        }
        assertThat(registry.get(registry.size() - 1).getUpdatedAt()).isBefore(Instant.parse("2026-01-04T00:00:00Z"));
    }

    @Test
    void shouldDeriveFingerprintsAsSha256HexOfTheFakeSecret() throws Exception {
        Credential credential = fleet.device(7).getCredentials().get(0);
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(FakeSecrets.material(42, FakeSecrets.FLEET, 7, 0).getBytes(StandardCharsets.UTF_8));

        assertThat(credential.getFingerprint()).isEqualTo(HexFormat.of().formatHex(digest));
    }

    @Test
    void shouldRejectAnIndexOutsideTheFleet() {
        assertThatThrownBy(() -> fleet.device(500)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static String fingerprint(DeviceIdentity d) {
        return d.getCredentials().get(0).getFingerprint();
    }
}
