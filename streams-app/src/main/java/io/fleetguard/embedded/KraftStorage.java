package io.fleetguard.embedded;

import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.raft.DynamicVoter;
import org.apache.kafka.raft.DynamicVoters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Formats a fresh log dir the way {@code kafka-storage format --standalone} does. */
final class KraftStorage {

    private static final Logger LOG = LoggerFactory.getLogger(KraftStorage.class);

    private KraftStorage() {
    }

    static void formatStandalone(KafkaConfig config, int controllerPort) throws Exception {
        // The sole initial voter is this node; its directory id becomes the metadata dir's id.
        DynamicVoter self = new DynamicVoter(Uuid.randomUuid(), config.nodeId(), BrokerSettings.HOST, controllerPort);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            Formatter formatter = new Formatter()
                .setPrintStream(print)
                .setNodeId(config.nodeId())
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(config.controllerListenerNames().get(0))
                .setMetadataLogDirectory(config.metadataLogDir())
                .setHasDynamicQuorum(true)
                .setInitialControllers(new DynamicVoters(List.of(self)));
            config.logDirs().forEach(formatter::addDirectory);
            formatter.run();
        }
        // The formatter narrates to a PrintStream; keep stdout clean and the text at DEBUG.
        LOG.debug("Storage formatted: {}", out.toString(StandardCharsets.UTF_8).strip());
    }
}
