package io.fleetguard.sim;

import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;

/**
 * Which device ids share an input partition. Two rules re-key events by something other than the
 * device (a credential fingerprint, a source address) and judge them in the order they arrive,
 * which across input partitions is not event time: a stream task catching up may run seconds
 * ahead of another. Devices whose incident needs that order are therefore picked on one input
 * partition, where it holds: records are keyed by device id (as the feed produces them) and
 * Kafka's default partitioner takes the key's murmur2 hash modulo the partition count, so ids
 * with equal residues modulo {@value #MODULUS} share a partition of any topic whose partition
 * count divides it (1, 2, 3, 4, 6, 8, 12, 24).
 */
final class PartitionAffinity {

    static final int MODULUS = 24;

    private PartitionAffinity() {
    }

    static int residue(String deviceId) {
        return Utils.toPositive(Utils.murmur2(deviceId.getBytes(StandardCharsets.UTF_8))) % MODULUS;
    }
}
