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
 * state transitions logged, RocksDB held to one memory budget, and a bounded, clean shutdown.
 */
public final class FleetGuardApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetGuardApp.class);

    private final RocksDbMemory rocksDbMemory;
    private final KafkaStreams streams;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean failed;
    private boolean closed;

    public FleetGuardApp(FleetGuardConfig config, FleetGuardMetrics metrics) {
        FleetGuardTopics topics = FleetGuardTopics.from(config);
        Topology topology = FleetGuardTopology.build(config, topics, metrics);
        LOG.debug("Topology:\n{}", topology.describe());
        this.rocksDbMemory = RocksDbMemory.of(config);
        Properties props = StreamsProperties.of(config, metrics, rocksDbMemory);
        try {
            this.streams = new KafkaStreams(topology, props);
        } catch (RuntimeException e) {
            rocksDbMemory.close();
            throw e;
        }
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

    /** Idempotent; a second caller (shutdown hook and main thread) waits for the first to finish. */
    public synchronized void close(Duration timeout) {
        if (closed) {
            return;
        }
        closed = true;
        if (streams.close(timeout)) {
            rocksDbMemory.close();
        } else {
            // A store still open may use the cache; freeing its native memory now could crash the JVM.
            LOG.warn("FleetGuard did not stop within {}; RocksDB memory left to the process exit", timeout);
        }
        stopped.countDown();
    }
}
