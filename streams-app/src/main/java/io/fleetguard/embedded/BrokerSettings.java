package io.fleetguard.embedded;

import org.apache.kafka.network.SocketServerConfigs;
import org.apache.kafka.raft.KRaftConfigs;
import org.apache.kafka.raft.QuorumConfig;
import org.apache.kafka.server.config.ReplicationConfigs;
import org.apache.kafka.server.config.ServerLogConfigs;

import java.nio.file.Path;
import java.util.Properties;

/** The server properties of a single combined broker+controller node on loopback. */
final class BrokerSettings {

    static final int NODE_ID = 1;
    static final String HOST = "127.0.0.1";
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** Internal topics are created on first use; 50 partitions each would slow the first group or transaction. */
    private static final int INTERNAL_TOPIC_PARTITIONS = 4;
    /** The default 128 MB dedupe buffer is allocated on the heap of the hosting JVM. */
    private static final long DEDUPE_BUFFER_BYTES = 2L * 1024 * 1024;
    /**
     * Each log segment's offset and time index is created at {@code log.index.size.max.bytes} as a
     * sparse file and memory-mapped. At Kafka's 10 MB, on a disk that reads ahead far (8 MB on the
     * machines we measure on), the broker's first faults on those maps had the kernel zero whole
     * read-ahead windows: 30 % of all CPU for 10-15 s after the topics of a {@code bench} phase were
     * created (perf: {@code filemap_fault} → {@code ext4_mpage_readpages} → {@code memset}, on the
     * request handler threads), which held up both apps' outputs by seconds. 1 MB still indexes
     * 131,072 entries, 512 MB of log per segment at the default 4 KB index interval.
     */
    static final int INDEX_BYTES = 1024 * 1024;

    private BrokerSettings() {
    }

    static final String SECURE_LISTENER = "SECURE";

    static Properties of(Path logDir, int brokerPort, int controllerPort, int securePort, EmbeddedKafka.Options options) {
        Properties p = new Properties();
        p.put(KRaftConfigs.PROCESS_ROLES_CONFIG, "broker,controller");
        p.put(KRaftConfigs.NODE_ID_CONFIG, Integer.toString(NODE_ID));
        p.put(KRaftConfigs.CONTROLLER_LISTENER_NAMES_CONFIG, CONTROLLER_LISTENER);
        // Dynamic (KIP-853) quorum: the storage is formatted "standalone" with this node as sole voter.
        p.put(QuorumConfig.QUORUM_BOOTSTRAP_SERVERS_CONFIG, HOST + ":" + controllerPort);
        p.put(SocketServerConfigs.LISTENERS_CONFIG,
            BROKER_LISTENER + "://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.put(SocketServerConfigs.ADVERTISED_LISTENERS_CONFIG, BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
        p.put(SocketServerConfigs.LISTENER_SECURITY_PROTOCOL_MAP_CONFIG,
            BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put(ReplicationConfigs.INTER_BROKER_LISTENER_NAME_CONFIG, BROKER_LISTENER);
        String secure = options.secureListenerProtocol();
        if (secure != null) {
            String address = SECURE_LISTENER + "://" + HOST + ":" + securePort;
            p.put(SocketServerConfigs.LISTENERS_CONFIG, p.getProperty(SocketServerConfigs.LISTENERS_CONFIG) + "," + address);
            p.put(SocketServerConfigs.ADVERTISED_LISTENERS_CONFIG,
                    p.getProperty(SocketServerConfigs.ADVERTISED_LISTENERS_CONFIG) + "," + address);
            p.put(SocketServerConfigs.LISTENER_SECURITY_PROTOCOL_MAP_CONFIG,
                    p.getProperty(SocketServerConfigs.LISTENER_SECURITY_PROTOCOL_MAP_CONFIG) + "," + SECURE_LISTENER + ":" + secure);
        }
        p.put(ServerLogConfigs.LOG_DIRS_CONFIG, logDir.toString());
        p.put(ServerLogConfigs.NUM_PARTITIONS_CONFIG, Integer.toString(options.defaultPartitions()));
        p.put(ServerLogConfigs.AUTO_CREATE_TOPICS_ENABLE_CONFIG, "false");
        // No server.max.startup.time.ms: a controller that misses it halts the whole JVM.
        putSingleNodeSettings(p);
        options.brokerOverrides().forEach(p::put);
        return p;
    }

    /**
     * Without these, consumer groups and exactly-once cannot work on one node (see KAFKA-NOTES).
     * Spelled as literals: the modules that declare them are runtime-only or internal.
     */
    private static void putSingleNodeSettings(Properties p) {
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", Integer.toString(INTERNAL_TOPIC_PARTITIONS));
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("group.streams.initial.rebalance.delay.ms", "0");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", Integer.toString(INTERNAL_TOPIC_PARTITIONS));
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", Integer.toString(INTERNAL_TOPIC_PARTITIONS));
        p.put("log.cleaner.dedupe.buffer.size", Long.toString(DEDUPE_BUFFER_BYTES));
        p.put("log.index.size.max.bytes", Integer.toString(INDEX_BYTES));
    }
}
