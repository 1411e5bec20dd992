package io.fleetguard.embedded;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A single-node KRaft Kafka (combined broker and controller) running inside this JVM on
 * loopback, with a throw-away log dir. Made for {@code demo}, {@code bench} and integration
 * tests; supports transactions and read_committed consumers.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *     kafka.createTopics(Map.of("events", 4));
 *     ... kafka.bootstrapServers() ...
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    /**
     * Ports are picked before the broker binds them, so another process may win the race. Only a
     * lost broker port can be retried: a controller that cannot bind its port halts the JVM.
     */
    private static final int START_ATTEMPTS = 3;
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);

    private final KraftNode node;
    private final Thread cleanupOnExit = new Thread(this::close, "embedded-kafka-cleanup");
    private TopicAdmin admin;
    private Duration startupDuration;
    private boolean closed;

    /** Starts a broker with {@link Options#defaults()}. */
    public static EmbeddedKafka start() {
        return start(Options.defaults());
    }

    /**
     * Starts a broker and returns once a produce to it has been acknowledged.
     *
     * @throws EmbeddedKafkaException if it is not ready within {@link Options#startupTimeout()}
     */
    public static EmbeddedKafka start(Options options) {
        if (options.quietBrokerLogs()) {
            BrokerLogLevels.quiet();
        }
        long startNanos = System.nanoTime();
        Deadline deadline = Deadline.after(options.startupTimeout());
        for (int attempt = 1; ; attempt++) {
            EmbeddedKafka kafka = new EmbeddedKafka(new KraftNode(options));
            try {
                kafka.launch(deadline);
                kafka.startupDuration = Duration.ofNanos(System.nanoTime() - startNanos);
                LOG.info("Embedded Kafka ready at {} in {} ms", kafka.bootstrapServers(), kafka.startupDuration.toMillis());
                return kafka;
            } catch (RuntimeException | InterruptedException e) {
                if (!kafka.node.startupInFlight()) {
                    kafka.close();
                }
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                } else if (attempt < START_ATTEMPTS && isBindFailure(e) && !deadline.expired()) {
                    LOG.warn("Embedded Kafka lost a port race ({}); retrying on new ports", kafka.node);
                    continue;
                }
                throw new EmbeddedKafkaException("Embedded Kafka failed to become ready within "
                    + deadline + " (" + kafka.node + "): " + e, e);
            }
        }
    }

    private EmbeddedKafka(KraftNode node) {
        this.node = node;
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    private void launch(Deadline deadline) throws InterruptedException {
        node.start(Duration.ofMillis(deadline.remainingMs()));
        admin = new TopicAdmin(adminConfig());
        ReadinessProbe.await(admin, clientConfig(), deadline);
    }

    /** {@code host:port} of the PLAINTEXT listener. */
    public String bootstrapServers() {
        return node.bootstrapServers();
    }

    /** The SECURE listener's address; only with {@link Options#withSecureListener}. */
    public String secureBootstrapServers() {
        return node.secureBootstrapServers();
    }

    /** Creates the topics (replication 1) unless they exist, and waits until each partition has a leader. */
    public void createTopics(Map<String, Integer> partitionsByName) {
        List<NewTopic> topics = partitionsByName.entrySet().stream()
            .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1))
            .toList();
        createAll(topics);
    }

    /** Like {@link #createTopics} for one topic with {@code cleanup.policy=compact}. */
    public void createCompactedTopic(String name, int partitions) {
        createAll(List.of(new NewTopic(name, partitions, (short) 1)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
    }

    private void createAll(List<NewTopic> topics) {
        try {
            openAdmin().create(topics, Deadline.after(TOPIC_TIMEOUT));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("Interrupted while creating topics", e);
        }
    }

    private synchronized TopicAdmin openAdmin() {
        if (closed) {
            throw new IllegalStateException("Embedded Kafka at " + bootstrapServers() + " is closed");
        }
        return admin;
    }

    /** Base properties for an {@code Admin} client; a fresh mutable map on each call. */
    public Map<String, Object> adminConfig() {
        return clientConfig();
    }

    /** Base properties for producers, consumers and Streams; a fresh mutable map on each call. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return config;
    }

    /** The temp log dir; it no longer exists after {@link #close()}. */
    public Path logDir() {
        return node.logDir();
    }

    /** From the call to {@code start} until the readiness probe was acknowledged. */
    public Duration startupDuration() {
        return startupDuration;
    }

    /** Stops the broker (waiting at most {@link Options#shutdownTimeout()}) and deletes the log dir. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException jvmAlreadyExiting) {
            // called from a shutdown hook: nothing to unregister
        }
        if (admin != null) {
            Utils.closeQuietly(admin, "embedded Kafka admin", LOG);
        }
        node.stop();
        if (startupDuration != null) {
            LOG.info("Embedded Kafka at {} stopped", bootstrapServers());
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Start-up settings.
     *
     * @param defaultPartitions the broker's {@code num.partitions}
     * @param startupTimeout    how long {@code start} may take before it fails
     * @param shutdownTimeout   how long {@code close} waits for the broker to stop
     * @param quietBrokerLogs   broker loggers not configured explicitly log at WARN
     * @param brokerOverrides   extra broker properties, applied last
     */
    /**
     * @param secureListenerProtocol null, or SSL / SASL_SSL / SASL_PLAINTEXT for a second broker
     *                               listener named SECURE (its settings go in brokerOverrides under
     *                               {@code listener.name.secure.*}); clients reach it at
     *                               {@link #secureBootstrapServers()}
     */
    public record Options(int defaultPartitions, Duration startupTimeout, Duration shutdownTimeout,
                          boolean quietBrokerLogs, Map<String, String> brokerOverrides, String secureListenerProtocol) {

        public Options {
            if (defaultPartitions < 1) {
                throw new IllegalArgumentException("defaultPartitions must be at least 1, was " + defaultPartitions);
            }
            if (startupTimeout.isNegative() || startupTimeout.isZero() || shutdownTimeout.isNegative()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            brokerOverrides = Map.copyOf(brokerOverrides);
        }

        /** 4 partitions, 60 s to start, 30 s to stop, quiet broker logs, no overrides. */
        public static Options defaults() {
            return new Options(4, Duration.ofSeconds(60), Duration.ofSeconds(30), true, Map.of(), null);
        }

        public Options withDefaultPartitions(int partitions) {
            return new Options(partitions, startupTimeout, shutdownTimeout, quietBrokerLogs, brokerOverrides, secureListenerProtocol);
        }

        public Options withStartupTimeout(Duration timeout) {
            return new Options(defaultPartitions, timeout, shutdownTimeout, quietBrokerLogs, brokerOverrides, secureListenerProtocol);
        }

        public Options withQuietBrokerLogs(boolean quiet) {
            return new Options(defaultPartitions, startupTimeout, shutdownTimeout, quiet, brokerOverrides, secureListenerProtocol);
        }

        public Options withBrokerConfig(String key, String value) {
            Map<String, String> overrides = new HashMap<>(brokerOverrides);
            overrides.put(key, value);
            return new Options(defaultPartitions, startupTimeout, shutdownTimeout, quietBrokerLogs, overrides,
                    secureListenerProtocol);
        }

        /** Adds a listener named SECURE with this security protocol (SSL, SASL_SSL, SASL_PLAINTEXT). */
        public Options withSecureListener(String securityProtocol) {
            return new Options(defaultPartitions, startupTimeout, shutdownTimeout, quietBrokerLogs, brokerOverrides,
                    securityProtocol);
        }
    }
}
