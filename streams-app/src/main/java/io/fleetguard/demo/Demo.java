package io.fleetguard.demo;

import io.fleetguard.config.ConfigLoader;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.embedded.EmbeddedKafka;
import io.fleetguard.feed.KafkaEventSink;
import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.runtime.FleetGuardApp;
import io.fleetguard.serde.MockSchemaRegistryScopes;
import io.fleetguard.sim.SimulationOptions;
import io.fleetguard.topology.FleetGuardTopics;
import org.apache.kafka.streams.KafkaStreams;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The embedded default: an in-process KRaft broker, an in-memory schema registry, the simulated
 * fleet with injected incidents, and FleetGuard under exactly_once_v2, alerts printed as they come.
 */
public final class Demo {

    private static final Duration DRAIN = Duration.ofSeconds(15);
    /**
     * The demo's dormancy threshold (the product default is 90 days): short enough for the
     * simulator's returning devices, last used that long before the run, to come back within a
     * minute. The same rule as in production; only its threshold is the demo's.
     */
    public static final Duration DORMANCY = Duration.ofDays(7);

    private final DemoOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final CountDownLatch stop = new CountDownLatch(1);

    public Demo(DemoOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /** Ends the run early (Ctrl-C); safe to call from any thread. */
    public void stop() {
        stop.countDown();
    }

    public DemoReport run() throws InterruptedException {
        err.println("Starting an embedded Kafka broker ...");
        err.printf("Demo policy: dormancy %d days (default 90), so returning devices come back within the run%n",
                DORMANCY.toDays());
        Path stateDir = tempDir();
        String scope = "demo-" + UUID.randomUUID();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Options.defaults()
                .withDefaultPartitions(options.partitions())
                .withBrokerConfig("log.retention.ms", "-1"))) {
            FleetGuardConfig config = ConfigLoader.fromMap(settings(kafka.bootstrapServers(), scope, stateDir));
            FleetGuardTopics topics = FleetGuardTopics.from(config);
            createTopics(kafka, topics);
            AlertPrinter printer = new AlertPrinter(out, options.colour());
            try (FleetGuardApp app = FleetGuardApp.served(config);
                 KafkaEventSink sink = new KafkaEventSink(config)) {
                app.start();
                FleetGuardMetrics metrics = app.metrics();
                DemoTraffic traffic = new DemoTraffic(simulation(config), sink);
                AlertTail tail = new AlertTail(kafka.bootstrapServers(), topics.alerts().name(),
                        topics.alerts().valueSerde().deserializer(), printer::print);
                Thread producer = start("demo-traffic", traffic);
                Thread consumer = start("demo-alerts", tail);
                howToConsume(kafka.bootstrapServers(), topics);
                app.opsAddress().ifPresent(a -> err.printf(
                        "Metrics: curl http://127.0.0.1:%d/metrics   health: /health/live, /health/ready%n%n", a.getPort()));
                printer.header();
                Progress progress = new Progress(err, traffic, metrics, topics, tail);
                waitForEnd(progress, app);
                traffic.stop();
                producer.join();
                drain(progress, traffic, tail);
                tail.stop();
                consumer.join();
                DemoReport report = new DemoReport(traffic.produced(), progress.processed(), traffic.incidents(),
                        tail.alerts(), progress.deadLetters());
                DemoSummary.print(out, report);
                return report;
            }
        } finally {
            MockSchemaRegistryScopes.dropScope(scope);
            deleteQuietly(stateDir);
        }
    }

    private Map<String, String> settings(String bootstrap, String scope, Path stateDir) {
        Map<String, String> s = new HashMap<>();
        s.put("kafka.bootstrap.servers", bootstrap);
        s.put("schema.registry.url", "mock://" + scope);
        s.put("application.id", "fleetguard-demo");
        s.put("kafka.state.dir", stateDir.toString());
        s.put("metrics.http.host", "127.0.0.1");
        s.put("metrics.http.port", Integer.toString(options.metricsPort()));
        s.put("policy.dormancy.days", Long.toString(DORMANCY.toDays()));
        return s;
    }

    private SimulationOptions simulation(FleetGuardConfig config) {
        return SimulationOptions.builder().seed(options.seed()).devices(options.devices()).policy(config.policy())
                .eventsPerSecond(options.rate()).incidentRate(options.incidentRate())
                .start(Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2)).build();
    }

    private void createTopics(EmbeddedKafka kafka, FleetGuardTopics topics) {
        kafka.createCompactedTopic(topics.registry().name(), options.partitions());
        kafka.createTopics(topics.otherTopics(options.partitions()));
    }

    private void howToConsume(String bootstrap, FleetGuardTopics topics) {
        err.printf("%nBroker: %s   alerts: %s   dead letters: %s%n", bootstrap, topics.alerts().name(), topics.deadLetter());
        err.printf("Watch the raw alert topic with Kafka's tools while this runs (values are Avro, Confluent wire format):%n");
        err.printf("  kafka-console-consumer.sh --bootstrap-server %s --topic %s --from-beginning "
                + "--isolation-level read_committed --property print.key=true%n%n", bootstrap, topics.alerts().name());
    }

    private void waitForEnd(Progress progress, FleetGuardApp app) throws InterruptedException {
        long deadline = options.duration() == null ? Long.MAX_VALUE : System.nanoTime() + options.duration().toNanos();
        while (System.nanoTime() < deadline && app.state() != KafkaStreams.State.ERROR
                && !stop.await(Math.min(2_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS)) {
            progress.print();
        }
    }

    /** Lets the app catch up with what was produced, so the summary counts every alert. */
    private void drain(Progress progress, DemoTraffic traffic, AlertTail tail) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (progress.processed() < traffic.produced() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        // Alerts become readable at the transaction commit after their input is processed.
        long settle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        int before = -1;
        while (System.nanoTime() < settle && before != tail.alerts().size()) {
            before = tail.alerts().size();
            Thread.sleep(500);
        }
        progress.print();
        err.println();
    }

    private static Thread start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("fleetguard-demo-state");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
