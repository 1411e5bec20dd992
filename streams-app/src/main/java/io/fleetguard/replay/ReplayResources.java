package io.fleetguard.replay;

import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.runtime.StreamsProperties;
import io.fleetguard.topology.FleetGuardTopics;
import io.fleetguard.topology.FleetGuardTopology;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a Kafka Streams application id owns: its consumer group, its internal topics and its local
 * state directory. Internal topic names are derived exactly from the topology (changelog of each
 * named store, each named repartition topic), never matched by prefix: {@code fleetguard-replay-a-}
 * is also a prefix of replay {@code a-b}'s topics.
 */
final class ReplayResources {

    private ReplayResources() {
    }

    static Properties adminProperties(FleetGuardConfig config) {
        Properties p = StreamsProperties.of(config, FleetGuardMetrics.inMemory());
        p.remove(FleetGuardMetrics.CONFIG_KEY);
        return p;
    }

    /** {@code <application.id>-<store>-changelog} and {@code <application.id>-<name>-repartition} topics. */
    static Set<String> internalTopics(FleetGuardConfig config) {
        FleetGuardTopics topics = FleetGuardTopics.from(config);
        TopologyDescription description = FleetGuardTopology.build(config, topics, FleetGuardMetrics.inMemory()).describe();
        Set<String> inputs = new java.util.HashSet<>(topics.inputTopics());
        if (topics.brokerLogs() != null) {
            inputs.add(topics.brokerLogs());
        }
        String prefix = config.applicationId() + "-";
        Set<String> out = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    source.topicSet().stream().filter(t -> !inputs.contains(t)).forEach(t -> out.add(prefix + t));
                } else if (node instanceof TopologyDescription.Processor processor) {
                    processor.stores().forEach(store -> out.add(prefix + store + "-changelog"));
                }
            }
        }
        return out;
    }

    /** {@code <state.dir>/<application.id>}, where Kafka Streams keeps this application's local state. */
    static Path stateDir(FleetGuardConfig config) {
        String dir = config.kafkaProperties().getOrDefault(StreamsConfig.STATE_DIR_CONFIG,
                (String) StreamsConfig.configDef().defaultValues().get(StreamsConfig.STATE_DIR_CONFIG));
        return Path.of(dir, config.applicationId());
    }

    /** Everything that is left of an earlier run of this application id; empty when it is fresh. */
    static List<String> leftovers(Admin admin, FleetGuardConfig config) throws InterruptedException {
        List<String> found = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> committed = ReplayPlan.get(
                admin.listConsumerGroupOffsets(config.applicationId()).partitionsToOffsetAndMetadata());
        if (!committed.isEmpty()) {
            found.add("consumer group '" + config.applicationId() + "' has committed offsets");
        }
        Set<String> existing = new TreeSet<>(ReplayPlan.get(admin.listTopics().names()));
        existing.retainAll(internalTopics(config));
        existing.forEach(t -> found.add("internal topic '" + t + "' exists"));
        Path state = stateDir(config);
        if (isNonEmptyDirectory(state)) {
            found.add("local state directory " + state + " exists");
        }
        return found;
    }

    private static boolean isNonEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return true; // cannot tell: do not assume it is clean
        }
    }
}
