package io.fleetguard.replay;

import io.fleetguard.config.ConfigKeys;
import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.runtime.FleetGuardApp;
import io.fleetguard.topology.FleetGuardTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code replay --from --to [--name]} on a cluster: the production topology under the replay's own
 * application id ({@link ReplayTarget}), its consumer group positioned on the {@link ReplayPlan}
 * before it starts (Kafka Streams cannot seek by time itself, but it starts from committed offsets),
 * stopped once its committed offsets pass the plan's stop offsets on every input partition. Alerts
 * go to the replay's own topic, never the live one. Kafka Streams may process a few records past
 * the stop offsets before it is closed; their alerts stay in the topic and the summary counts
 * them apart (filter on {@code eventTime <= to} when reading).
 */
public final class ClusterReplay {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterReplay.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param alertTopic  null for {@code fleetguard.alerts.replay.<name>}
     * @param idleTimeout give up when the committed offsets have not moved for this long
     */
    public record Options(String name, Instant from, Instant to, String alertTopic, Duration idleTimeout) {
        public Options {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("--to " + to + " is before --from " + from);
            }
        }
    }

    private final Options options;
    private final ReplayTarget target;
    private final Function<Map<String, String>, FleetGuardConfig> loader;
    private final PrintStream console;

    /** @param loader FleetGuard settings (file &lt; environment &lt; command line) with the given overrides applied last */
    public ClusterReplay(Options options, Function<Map<String, String>, FleetGuardConfig> loader, PrintStream console) {
        this.options = options;
        this.target = ReplayTarget.of(options.name(), options.alertTopic());
        this.loader = loader;
        this.console = console;
    }

    public ClusterReplayReport run() throws InterruptedException {
        checkNotLive(target, loader.apply(Map.of()));
        FleetGuardConfig config = loader.apply(target.overrides());
        FleetGuardTopics topics = FleetGuardTopics.from(config);
        try (Admin admin = Admin.create(ReplayResources.adminProperties(config))) {
            ReplayPlan plan = prepare(admin, config, topics);
            console.printf("Replay '%s': %s .. %s, up to %,d records, alerts to %s%n", target.name(), options.from(),
                    options.to(), plan.records(), target.alertTopic());
            long started = System.nanoTime();
            FleetGuardMetrics metrics = FleetGuardMetrics.inMemory();
            List<TopicPartition> unfinished;
            try (FleetGuardApp app = new FleetGuardApp(config, metrics)) {
                Thread onSigterm = new Thread(() -> leave(app), "fleetguard-replay-shutdown");
                Runtime.getRuntime().addShutdownHook(onSigterm);
                try {
                    app.start();
                    unfinished = new ReplayMonitor(admin, config.applicationId(), plan, options.idleTimeout(), console,
                            metrics).awaitCompletion(app);
                    leave(app);
                } finally {
                    removeQuietly(onSigterm);
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            ClusterReplayReport report = ClusterReplayReport.read(config, topics, options.to(), metrics, unfinished, elapsed);
            report.print(console, target);
            return report;
        }
    }

    /** Refuses a used name, computes the plan, creates the output topics and positions the group. */
    private ReplayPlan prepare(Admin admin, FleetGuardConfig config, FleetGuardTopics topics) throws InterruptedException {
        List<String> leftovers = ReplayResources.leftovers(admin, config);
        if (!leftovers.isEmpty()) {
            throw new IllegalStateException("replay '" + target.name() + "' has run before (" + String.join("; ", leftovers)
                    + "); run `replay --cleanup " + target.name() + "` first or choose another --name");
        }
        ReplayPlan plan = ReplayPlan.compute(admin, topics, options.from(), options.to());
        createOutputTopics(admin, topics, plan);
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        plan.start().forEach((tp, offset) -> start.put(tp, new OffsetAndMetadata(offset)));
        ReplayPlan.get(admin.alterConsumerGroupOffsets(config.applicationId(), start).all());
        return plan;
    }

    /**
     * Closes the instance and leaves the group: a replay does not come back, and Kafka Streams by
     * default stays a member until its session times out, which would block {@code --cleanup}.
     */
    private static void leave(FleetGuardApp app) {
        app.streams().close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException jvmShuttingDown) {
            // the hook is running or has run
        }
    }

    /** Refuses a replay that would write into the live app's alert topic or reuse its application id. */
    static void checkNotLive(ReplayTarget target, FleetGuardConfig live) {
        List<String> problems = new ArrayList<>();
        if (target.alertTopic().equals(live.topic(ConfigKeys.TOPIC_ALERTS))
                || target.alertTopic().equals(ConfigKeys.DEFINITION.defaultValues().get(ConfigKeys.TOPIC_ALERTS))) {
            problems.add("the replay alert topic '" + target.alertTopic() + "' is the live alert topic");
        }
        if (FleetGuardTopics.from(live).inputTopics().contains(target.alertTopic())) {
            problems.add("the replay alert topic '" + target.alertTopic() + "' is an input topic");
        }
        if (target.applicationId().equals(live.applicationId())) {
            problems.add("the replay application id '" + target.applicationId() + "' is the live application id");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The replay's alert and dead-letter topics, partitioned like the registry, unless they exist. */
    private static void createOutputTopics(Admin admin, FleetGuardTopics topics, ReplayPlan plan) throws InterruptedException {
        Set<String> existing = ReplayPlan.get(admin.listTopics().names());
        int partitions = (int) plan.start().keySet().stream()
                .filter(tp -> tp.topic().equals(topics.registry().name())).count();
        List<NewTopic> create = new ArrayList<>();
        for (String t : List.of(topics.alerts().name(), topics.alertsOcsf(), topics.deadLetter())) {
            if (!existing.contains(t)) {
                create.add(new NewTopic(t, Optional.of(Math.max(1, partitions)), Optional.empty()));
            }
        }
        if (!create.isEmpty()) {
            ReplayPlan.get(admin.createTopics(create).all());
            LOG.info("Created replay output topics {}", create.stream().map(NewTopic::name).toList());
        }
    }
}
