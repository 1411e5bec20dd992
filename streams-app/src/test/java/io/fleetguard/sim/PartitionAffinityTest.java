package io.fleetguard.sim;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.AuthOutcome;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionAffinityTest {

    private static final int[] PARTITION_COUNTS = {1, 2, 3, 4, 6, 8, 12, 24};

    private static int partition(String deviceId, int partitions) {
        return BuiltInPartitioner.partitionForKey(deviceId.getBytes(StandardCharsets.UTF_8), partitions);
    }

    @Test
    void shouldPutIdsOfEqualResidueOnTheSamePartitionAsKafkasDefaultPartitionerDoes() {
        FleetGenerator fleet = new FleetGenerator(SimulationOptions.defaults());
        Map<Integer, String> firstOfResidue = new HashMap<>();
        int pairs = 0;
        for (int index = 0; index < fleet.size(); index++) {
            String id = fleet.deviceId(index);
            String other = firstOfResidue.putIfAbsent(PartitionAffinity.residue(id), id);
            if (other == null) {
                continue;
            }
            for (int partitions : PARTITION_COUNTS) {
                assertThat(partition(id, partitions)).as("%s and %s on %d partitions", id, other, partitions)
                        .isEqualTo(partition(other, partitions));
            }
            pairs++;
        }
        assertThat(firstOfResidue).hasSize(PartitionAffinity.MODULUS);
        assertThat(pairs).isEqualTo(fleet.size() - PartitionAffinity.MODULUS);
    }

    // Shared credentials and password spraying are judged after re-keying by credential and by
    // source address; their devices must share an input partition so they are judged in order.
    @Test
    void shouldKeepTheDevicesOfSharingAndSprayingIncidentsOnOneInputPartition() {
        SimulationOptions options = SimulationOptions.builder().devices(300).incidentRate(0.2).build();
        Map<String, String> lastUserOfCredential = new HashMap<>();
        Map<String, List<String>> failuresFrom = new HashMap<>();
        int shared = 0;
        int sprayed = 0;

        for (SimEvent e : ActivityGenerator.stream(options).limit(300 + 30_000).toList()) {
            if (!(e.value() instanceof AuthEvent auth)) {
                continue;
            }
            if (auth.getOutcome() == AuthOutcome.SUCCESS) {
                String previous = lastUserOfCredential.put(auth.getCredentialFingerprint(), e.key());
                if (e.expected() == AlertType.SHARED_CREDENTIAL) {
                    assertThat(PartitionAffinity.residue(e.key())).as(e.label()).isEqualTo(PartitionAffinity.residue(previous));
                    shared++;
                }
                continue;
            }
            List<String> devices = failuresFrom.computeIfAbsent(auth.getSourceIp(), k -> new ArrayList<>());
            devices.add(e.key());
            if (e.expected() == AlertType.AUTH_FAILURE_BURST && e.label().contains("spraying")) {
                List<String> burst = devices.subList(devices.size() - options.policy().burstCount(), devices.size());
                assertThat(burst).as(e.label()).doesNotHaveDuplicates()
                        .allSatisfy(id -> assertThat(PartitionAffinity.residue(id)).isEqualTo(PartitionAffinity.residue(e.key())));
                sprayed++;
            }
        }
        assertThat(shared).isGreaterThan(10);
        assertThat(sprayed).isGreaterThan(10);
    }
}
