package io.fleetguard.chaos;

import io.fleetguard.config.ConfigKeys;
import io.fleetguard.config.ConfigLoader;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.feed.JsonLines;
import io.fleetguard.replay.AlertFormat;
import io.fleetguard.replay.OfflineReplay;
import io.fleetguard.replay.ReplayMonitor;
import io.fleetguard.replay.StateDirs;
import io.fleetguard.sim.SimulationOptions;
import io.fleetguard.topology.FleetGuardTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code fleetguard chaos}: a KRaft broker and two FleetGuard instances ({@code run}, exactly_once_v2,
 * one standby replica) as child JVMs, a deterministic simulated history with poison pills and
 * planted secrets, a failover, kill -9s and broker restarts; then the committed alerts against the
 * offline replay of the same history, the dead letters against the pills, and every output against
 * the secrets. Children are killed on every path out (see {@link Children}).
 */
public final class ChaosRun {

    static final String APPLICATION_ID = "fleetguard-chaos";
    private static final Duration COMPLETION = Duration.ofMinutes(30);

    private final ChaosOptions options;
    private final PrintStream console;
    private final PlantedSecrets secrets;

    /** @param console progress (stderr) */
    public ChaosRun(ChaosOptions options, PrintStream console) {
        this.options = options;
        this.console = console;
        this.secrets = PlantedSecrets.of(options.seed());
    }

    /** Runs everything, prints the report to {@code out} and returns it. */
    public ChaosReport run(PrintStream out) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path dir = options.keepDir() != null ? Files.createDirectories(options.keepDir())
                : Files.createTempDirectory("fleetguard-chaos-");
        console.println("chaos: working in " + dir);
        try (Children children = new Children(); ChaosRegistry registry = new ChaosRegistry(secrets.registryUserInfo())) {
            BrokerProcess broker = new BrokerProcess(children, dir);
            broker.start();
            console.println("chaos: broker (child JVM) at " + broker.bootstrapServers() + ", schema registry at " + registry.url());
            Map<String, String> settings = settings(broker, registry);
            FleetGuardConfig config = ConfigLoader.fromMap(settings);
            FleetGuardTopics topics = FleetGuardTopics.from(config);
            createTopics(config, topics);
            ChaosReport report = exercise(dir, children, broker, settings, config, topics, started);
            report.print(out);
            return report;
        } finally {
            if (options.keepDir() == null) {
                StateDirs.deleteQuietly(dir);
            }
        }
    }

    private ChaosReport exercise(Path dir, Children children, BrokerProcess broker, Map<String, String> settings,
                                 FleetGuardConfig config, FleetGuardTopics topics, long started)
            throws IOException, InterruptedException {
        SimulationOptions simulation = SimulationOptions.builder().seed(options.seed()).devices(options.devices()).build();
        PoisonPills poison = new PoisonPills(config, secrets, options.seed());
        Map<String, Object> client = new LinkedHashMap<>(config.kafkaProperties());
        long[] poisonSent = new long[1];
        List<AppInstance> apps = new ArrayList<>();
        for (String name : List.of("app-a", "app-b")) {
            apps.add(new AppInstance(name, children, dir, appSettings(settings)));
        }
        for (AppInstance app : apps) {
            app.start(false);
        }
        try (Admin admin = Admin.create(client);
             History feed = new History(config, simulation, options.events(), secrets, dir.resolve("history"),
                     options.partitions(), options.eventOrderGraceMs() + 60_000, templates -> poisonSent[0] = PoisonPills.send(client, poison.all(templates)))) {
            List<String> inputs = new ArrayList<>(topics.inputTopics());
            inputs.add(topics.brokerLogs());
            GroupProgress progress = new GroupProgress(admin, APPLICATION_ID, inputs);
            feed.feed(options.devices()); // the registry first, as a real fleet would have it
            Faults faults = new Faults(apps, broker, progress, console, options.seed(), feed,
                    options.kills() + (options.failover() ? 1 : 0));
            faults.awaitAllReady();
            console.println("chaos: both instances RUNNING; feeding the history in slices, a fault in each");
            double failover = options.failover() ? faults.failover() : -1;
            faults.kills(options.kills(), options.brokerRestarts());
            feed.feed(feed.remaining());
            // The re-export that closes the history stands for the fleet's next export, which comes
            // after what precedes it in time: sent at once, an instance catching up the last slice can
            // read it first and jump stream time past the grace (seen: 10 pairs of alerts judged out of
            // order in the last slice of a full run).
            History.Written history = feed.closeWith(() -> awaitCommitted(progress));
            console.printf("chaos: history of %,d records on the broker and in %s; %d poison pills sent%n",
                    history.records(), dir.resolve("history"), poisonSent[0]);
            if (!progress.awaitComplete(COMPLETION, s -> console.printf("chaos: %,d of %,d input records committed%n",
                    s.done(), s.total()))) {
                console.println("chaos: the instances did not finish the history within " + COMPLETION);
            }
            ReplayMonitor.awaitSettled(admin, APPLICATION_ID, Duration.ofSeconds(60));
            ChaosVerdict verdict = judge(client, topics, apps, dir);
            AlertAudit audit = audit(history, verdict, dir);
            var fuzz = new BrokerLogFuzz().run(options.fuzzLines(), options.seed());
            for (AppInstance app : apps) {
                app.stop();
            }
            return new ChaosReport(options, history.records(), audit, verdict.ocsfMismatches(), faults.kills(), failover,
                    faults.brokerRestarts(), faults.unexpectedExits(), poisonSent[0], verdict.poisonDeadLettered(),
                    verdict.poisonReasons(), secrets.all().size(), verdict.secretsLeaked(), fuzz,
                    EosLogLines.count(apps, dir), EosLogLines.lateRegistryVersions(apps), (System.nanoTime() - started) / 1e9);
        }
    }

    private void awaitCommitted(GroupProgress progress) {
        try {
            if (!progress.awaitComplete(COMPLETION, s -> console.printf("chaos: %,d of %,d input records committed%n",
                    s.done(), s.total()))) {
                console.println("chaos: the instances did not read the history within " + COMPLETION);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the instances", e);
        }
    }

    /** The offline replay of the whole history against what the instances committed; both kept in {@code dir}. */
    private AlertAudit audit(History.Written history, ChaosVerdict verdict, Path dir) throws IOException, InterruptedException {
        Path expected = dir.resolve("expected-alerts.jsonl");
        replayOffline(history, expected);
        Files.write(dir.resolve("live-alerts.jsonl"), verdict.live().stream().map(JsonLines::encode).toList());
        AlertAudit audit = AlertAudit.of(ChaosVerdict.readAlertFile(expected), verdict.live());
        audit.differences().forEach(d -> console.println("chaos: " + d));
        return audit;
    }

    private ChaosVerdict judge(Map<String, Object> client, FleetGuardTopics topics, List<AppInstance> apps, Path dir) throws IOException, InterruptedException {
        SecretScan scan = new SecretScan(secrets.all());
        ChaosVerdict verdict = new ChaosVerdict(client, topics, scan);
        verdict.readAlerts();
        verdict.readOcsf();
        verdict.readDeadLetters();
        for (AppInstance app : apps) {
            scan.scan("/metrics of " + app.name(), app.metrics());
            verdict.scanFile("log of " + app.name(), app.log());
        }
        verdict.scanFile("broker log", dir.resolve("broker.log"));
        verdict.scanFile("--print-config", PrintConfig.capture(apps.get(0), dir));
        console.printf("chaos: %,d live alerts read; secrets leaked: %d %s%n", verdict.live().size(), scan.leaked(), scan.leaks());
        return verdict;
    }

    private void replayOffline(History.Written history, Path out) throws IOException, InterruptedException {
        console.println("chaos: offline replay of the same history (the expected alerts) ...");
        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        new OfflineReplay(new OfflineReplay.Options(history.files(), history.brokerLogs(), out,
                // The instances' grace: it also sets how far behind stream time suppression updates and
                // overdue-session alerts fall due, so the expected alerts must be judged with it too.
                out.resolveSibling("expected-alerts.rejects.jsonl"),
                Map.of(ConfigKeys.EVENT_ORDER_GRACE_MS, Long.toString(options.eventOrderGraceMs())), Clock.systemUTC(),
                OfflineReplay.Options.defaultEngines(), AlertFormat.IDENTITY_ALERT),
                new PrintStream(quiet, true, "UTF-8"), System.out).run();
    }

    private Map<String, String> settings(BrokerProcess broker, ChaosRegistry registry) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("kafka.bootstrap.servers", broker.bootstrapServers());
        s.put("schema.registry.url", registry.url());
        s.put("schema.registry.basic.auth.user.info", secrets.registryUserInfo());
        s.put("application.id", APPLICATION_ID);
        s.put("ingest.formats", PlantedEvents.ingestFormats());
        return s;
    }

    /**
     * What the instances add: a standby of every task on the other instance; a 10 s session timeout
     * so that a killed member leaves the group in seconds rather than Kafka's 45 s; a small RocksDB
     * budget (three JVMs share the machine); and a JAAS config holding a planted secret (unused on
     * the plaintext listener, but parsed, logged and printed like any other setting).
     */
    private Map<String, String> appSettings(Map<String, String> settings) {
        Map<String, String> s = new LinkedHashMap<>(settings);
        s.put("kafka.num.standby.replicas", "1");
        s.put("kafka.session.timeout.ms", "10000");
        s.put("kafka.heartbeat.interval.ms", "2000");
        s.put("kafka.sasl.jaas.config", secrets.jaasConfig());
        s.put("rocksdb.memory.bytes", Long.toString(32L * 1024 * 1024));
        s.put("event.order.grace.ms", Long.toString(options.eventOrderGraceMs()));
        return s;
    }

    /**
     * Records carry event time (the simulated history starts in the past), so a topic with the
     * broker's default 7-day retention.ms loses whole partitions at its first retention check,
     * before they are processed: the first chaos runs "lost" 40 % of the history that way. A
     * replayed history needs retention by size, or none, as here.
     */
    private void createTopics(FleetGuardConfig config, FleetGuardTopics topics) throws InterruptedException {
        List<NewTopic> all = new ArrayList<>();
        all.add(new NewTopic(topics.registry().name(), options.partitions(), (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        topics.otherTopics(options.partitions()).forEach((name, n) -> all.add(new NewTopic(name, n, (short) 1)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"))));
        try (Admin admin = Admin.create(new LinkedHashMap<>(config.kafkaProperties()))) {
            admin.createTopics(all).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create the topics: " + e, e);
        }
    }
}
