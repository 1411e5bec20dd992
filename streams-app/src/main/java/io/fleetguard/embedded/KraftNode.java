package io.fleetguard.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** One combined broker+controller {@link KafkaRaftServer} in its own temp dir: format, start, stop, delete. */
final class KraftNode {

    private static final Logger LOG = LoggerFactory.getLogger(KraftNode.class);

    private final EmbeddedKafka.Options options;
    private final Path logDir;
    private final int brokerPort;
    private final int securePort;
    private final int controllerPort;
    /** A persistent node keeps its log dir on stop and formats it only once, so a restart finds its data. */
    private final boolean persistent;
    private KafkaRaftServer server;
    private volatile boolean startupInFlight;

    KraftNode(EmbeddedKafka.Options options) {
        this.options = options;
        int[] ports = FreePorts.pick(3);
        this.brokerPort = ports[0];
        this.securePort = ports[2];
        this.controllerPort = ports[1];
        try {
            this.logDir = Files.createTempDirectory("fleetguard-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temp log dir for embedded Kafka", e);
        }
        this.persistent = false;
    }

    /** A node on fixed ports and a fixed log dir that outlives it (see {@link StandaloneBroker}). */
    KraftNode(EmbeddedKafka.Options options, Path logDir, int brokerPort, int controllerPort) {
        this.options = options;
        this.logDir = logDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.securePort = 0;
        this.persistent = true;
    }

    void start(Duration timeout) throws InterruptedException {
        KafkaConfig config = KafkaConfig.fromProps(BrokerSettings.of(logDir, brokerPort, controllerPort, securePort, options), false);
        try {
            if (!persistent || !Files.exists(logDir.resolve("meta.properties"))) {
                KraftStorage.formatStandalone(config, controllerPort);
            }
        } catch (Exception e) {
            throw new EmbeddedKafkaException("Formatting " + logDir + " failed: " + e.getMessage(), e);
        }
        server = new KafkaRaftServer(config, Time.SYSTEM);
        // A controller whose startup fails halts the JVM, and stopping it or deleting its dir while
        // startup() runs makes it fail: a late startup is left alone, for stop() at JVM exit.
        startupInFlight = true;
        boolean finished;
        try {
            finished = Bounded.run("embedded-kafka-startup", server::startup, timeout);
        } catch (RuntimeException failed) {
            startupInFlight = false; // the startup thread is done, having cleaned up after itself
            throw failed;
        }
        startupInFlight = !finished;
        if (startupInFlight) {
            throw new EmbeddedKafkaException("broker startup still running; left to stop at JVM exit");
        }
    }

    /** True while a timed-out startup may still be running: the node must not be stopped yet. */
    boolean startupInFlight() {
        return startupInFlight;
    }

    /** Stops the server (bounded by the shutdown timeout) and deletes the log dir once it is down. */
    void stop() {
        if (stopServer() && !persistent) {
            deleteLogDir();
        } else if (persistent) {
            LOG.info("Kafka log dir {} kept for the next start", logDir);
        } else {
            // Deleting files under a live broker makes it halt the JVM: leave them behind.
            LOG.warn("Embedded Kafka log dir {} left in place: the broker is still stopping", logDir);
        }
    }

    private boolean stopServer() {
        if (server == null) {
            return true;
        }
        try {
            boolean stopped = Bounded.run("embedded-kafka-shutdown", () -> {
                server.shutdown();
                server.awaitShutdown();
            }, options.shutdownTimeout());
            if (!stopped) {
                LOG.warn("Embedded Kafka ({}) did not stop within {} ms", this, options.shutdownTimeout().toMillis());
            }
            return stopped;
        } catch (RuntimeException e) {
            LOG.warn("Embedded Kafka ({}) did not stop cleanly: {}", this, e.toString());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void deleteLogDir() {
        try {
            Utils.delete(logDir.toFile());
        } catch (IOException e) {
            LOG.warn("Could not delete embedded Kafka log dir {}: {}", logDir, e.toString());
        }
    }

    String bootstrapServers() {
        return BrokerSettings.HOST + ":" + brokerPort;
    }

    String secureBootstrapServers() {
        if (options.secureListenerProtocol() == null) {
            throw new IllegalStateException("no secure listener: start with Options.withSecureListener");
        }
        return BrokerSettings.HOST + ":" + securePort;
    }

    Path logDir() {
        return logDir;
    }

    @Override
    public String toString() {
        return "log dir " + logDir + ", broker port " + brokerPort + ", controller port " + controllerPort;
    }
}
