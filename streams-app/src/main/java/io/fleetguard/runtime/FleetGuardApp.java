package io.fleetguard.runtime;

import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.topology.FleetGuardTopics;
import io.fleetguard.topology.FleetGuardTopology;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One running FleetGuard instance: the topology inside a {@link KafkaStreams} client, with its
 * state transitions logged and a bounded, clean shutdown.
 */
public final class FleetGuardApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetGuardApp.class);

    private final KafkaStreams streams;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean failed;

    public FleetGuardApp(FleetGuardConfig config, FleetGuardMetrics metrics) {
        FleetGuardTopics topics = FleetGuardTopics.from(config);
        Topology topology = FleetGuardTopology.build(config, topics, metrics);
        Properties props = StreamsProperties.of(config, metrics);
        LOG.debug("Topology:\n{}", topology.describe());
        this.streams = new KafkaStreams(topology, props);
        streams.setStateListener((now, before) -> {
            LOG.info("FleetGuard state {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR) {
                failed = true;
            }
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            // Poison pills never get here (they are dead-lettered); this is infrastructure failure.
            LOG.error("FleetGuard stream thread failed; shutting down this instance", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    public void start() {
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Blocks until the instance stops; true when it stopped cleanly rather than in ERROR. */
    public boolean awaitTermination() throws InterruptedException {
        stopped.await();
        return !failed;
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && !failed;
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    public void close(Duration timeout) {
        if (!streams.close(timeout)) {
            LOG.warn("FleetGuard did not stop within {}", timeout);
        }
        stopped.countDown();
    }
}
