package io.fleetguard.runtime;

import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.ops.Health;
import io.fleetguard.ops.OpsServer;
import io.fleetguard.topology.FleetGuardTopics;
import io.fleetguard.topology.FleetGuardTopology;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One running FleetGuard instance: the topology inside a {@link KafkaStreams} client, with its
 * state transitions logged, Kafka Streams' metrics bound to the FleetGuard registry, RocksDB held
 * to one memory budget, optionally the metrics and health endpoints, and a bounded, clean shutdown.
 */
public final class FleetGuardApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetGuardApp.class);

    private final FleetGuardConfig config;
    private final FleetGuardMetrics metrics;
    private final Supplier<String> scrape;
    private final RocksDbMemory rocksDbMemory;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch running = new CountDownLatch(1);
    private volatile boolean failed;
    private OpsServer opsServer;
    private boolean closed;

    /** An instance without HTTP endpoints (replay, bench, tests); its metrics stay in {@code metrics}' registry. */
    public FleetGuardApp(FleetGuardConfig config, FleetGuardMetrics metrics) {
        this(config, metrics, null);
    }

    /**
     * The instance {@code run} and {@code demo} start: metrics in a Prometheus registry, served with
     * the health checks on {@code metrics.http.host:port} from {@link #start()} until {@link #close()}.
     */
    public static FleetGuardApp served(FleetGuardConfig config) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return new FleetGuardApp(config, new FleetGuardMetrics(registry), registry::scrape);
    }

    private FleetGuardApp(FleetGuardConfig config, FleetGuardMetrics metrics, Supplier<String> scrape) {
        this.config = config;
        this.metrics = metrics;
        this.scrape = scrape;
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
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
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
        this.streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics.registry());
    }

    /**
     * Starts the endpoints (if served and not turned off) and then Kafka Streams.
     *
     * @throws io.fleetguard.ops.EndpointBindException when the endpoints cannot listen; nothing was started
     */
    public synchronized void start() {
        if (scrape != null && config.metricsHttpPort() >= 0) {
            opsServer = OpsServer.start(config.metricsHttpHost(), config.metricsHttpPort(), scrape,
                    new Health(streams::state, () -> failed));
        }
        streams.start();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public KafkaStreams streams() {
        return streams;
    }

    public FleetGuardMetrics metrics() {
        return metrics;
    }

    /** Where the metrics and health endpoints listen, once started; empty when not served. */
    public synchronized Optional<InetSocketAddress> opsAddress() {
        return Optional.ofNullable(opsServer).map(OpsServer::address);
    }

    /** Blocks until the instance first reaches RUNNING; false when the timeout passed or it stopped first. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (running.await(Math.min(100, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (stopped.getCount() == 0) {
                return false;
            }
        }
        return false;
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
        boolean streamsStopped = streams.close(timeout);
        streamsMetrics.close();
        if (opsServer != null) {
            opsServer.close();
        }
        if (streamsStopped) {
            rocksDbMemory.close();
        } else {
            // A store still open may use the cache; freeing its native memory now could crash the JVM.
            LOG.warn("FleetGuard did not stop within {}; RocksDB memory left to the process exit", timeout);
        }
        stopped.countDown();
    }
}
