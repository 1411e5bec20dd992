package io.fleetguard.sim;

import io.fleetguard.schema.AlertType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FakeSecretsTest {

    private static final long SEED = 42;
    private static final int DEVICES = 40;

    @Test
    void shouldNeverPutFakeSecretMaterialIntoAnyRecord() {
        SimulationOptions options = SimulationOptions.builder().seed(SEED).devices(DEVICES).incidentRate(0.2).build();
        List<SimEvent> events = ActivityGenerator.stream(options).limit(20_000).toList();
        Set<String> secrets = secretsBehind(events);

        int length = secrets.iterator().next().length();
        List<String> leaks = new ArrayList<>();
        for (SimEvent event : events) {
            String text = event.value() + " " + event.label();
            for (int i = 0; i + length <= text.length(); i++) {
                if (secrets.contains(text.substring(i, i + length))) {
                    leaks.add(text);
                }
            }
        }

        assertThat(leaks).isEmpty();
    }

    @Test
    void shouldDeriveTheSameFingerprintForTheSameSeedSubjectAndGeneration() {
        String fingerprint = FakeSecrets.fingerprint(SEED, FakeSecrets.FLEET, 3, 1);

        assertThat(fingerprint).matches("[0-9a-f]{64}");
        assertThat(FakeSecrets.fingerprint(SEED, FakeSecrets.FLEET, 3, 1)).isEqualTo(fingerprint);
        assertThat(FakeSecrets.fingerprint(SEED, FakeSecrets.FLEET, 3, 2)).isNotEqualTo(fingerprint);
        assertThat(FakeSecrets.fingerprint(SEED, FakeSecrets.UNREGISTERED, 3, 1)).isNotEqualTo(fingerprint);
    }

    // Every generation a device can have reached (one more than its registry updates) and the
    // secret of every unregistered device that appeared.
    private static Set<String> secretsBehind(List<SimEvent> events) {
        Map<String, Integer> updates = new HashMap<>();
        Set<String> secrets = new HashSet<>();
        for (SimEvent e : events) {
            if (e.stream() == SimEvent.Stream.REGISTRY) {
                updates.merge(e.key(), 1, Integer::sum);
            } else if (e.expected() == AlertType.UNKNOWN_DEVICE) {
                long index = Long.parseLong(e.key().substring(e.key().indexOf('-') + 1));
                secrets.add(FakeSecrets.material(SEED, FakeSecrets.UNREGISTERED, index, 0));
            }
        }
        FleetGenerator fleet = new FleetGenerator(SimulationOptions.builder().seed(SEED).devices(DEVICES).build());
        for (int index = 0; index < DEVICES; index++) {
            int generations = updates.getOrDefault(fleet.deviceId(index), 1) + 1;
            for (int generation = 0; generation <= generations; generation++) {
                secrets.add(FakeSecrets.material(SEED, FakeSecrets.FLEET, index, generation));
            }
            secrets.add(FakeSecrets.material(SEED, FakeSecrets.FACTORY, index, 0));
        }
        assertThat(secrets).hasSizeGreaterThan(2 * DEVICES);
        return secrets;
    }
}
