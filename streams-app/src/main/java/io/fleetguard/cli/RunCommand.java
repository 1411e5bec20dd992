package io.fleetguard.cli;

import io.fleetguard.config.FleetGuardConfig;
import io.fleetguard.config.InvalidConfigurationException;
import io.fleetguard.metrics.FleetGuardMetrics;
import io.fleetguard.ops.EndpointBindException;
import io.fleetguard.runtime.FleetGuardApp;
import io.fleetguard.runtime.SchemaCheck;
import io.fleetguard.runtime.StreamsProperties;
import io.fleetguard.runtime.TopicCheck;
import io.fleetguard.topology.FleetGuardTopics;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

/** {@code fleetguard run}: the detector against a real Kafka cluster, until SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the detector against a Kafka cluster (plaintext, SASL_SSL or mTLS via kafka.* settings).")
final class RunCommand implements Callable<Integer> {

    static final int EXIT_INVALID_CONFIG = 2;
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--print-config", description = "Print the effective configuration (secrets hidden) and exit.")
    boolean printConfig;

    @Option(names = "--skip-topic-check", description = "Start without checking that the topics exist and are co-partitioned.")
    boolean skipTopicCheck;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        FleetGuardConfig config;
        try {
            config = configOptions.load();
        } catch (InvalidConfigurationException e) {
            err.println(e.getMessage());
            return EXIT_INVALID_CONFIG;
        }
        if (printConfig) {
            config.describe().forEach((k, v) -> spec.commandLine().getOut().println(k + "=" + v));
            return 0;
        }
        if (!skipTopicCheck) {
            List<String> problems = checkTopics(config);
            if (!problems.isEmpty()) {
                err.println(new InvalidConfigurationException(problems).getMessage());
                return EXIT_INVALID_CONFIG;
            }
        }
        List<String> schemaProblems = SchemaCheck.problems(config);
        if (!schemaProblems.isEmpty()) {
            err.println(new InvalidConfigurationException(schemaProblems).getMessage());
            return EXIT_INVALID_CONFIG;
        }
        try (FleetGuardApp app = FleetGuardApp.served(config)) {
            Runtime.getRuntime().addShutdownHook(new Thread(app::close, "fleetguard-shutdown"));
            LOG.info("Starting FleetGuard '{}' against {}", config.applicationId(),
                    config.kafkaProperties().get("bootstrap.servers"));
            try {
                app.start();
            } catch (EndpointBindException e) {
                err.println(e.getMessage());
                return EXIT_INVALID_CONFIG;
            }
            return app.awaitTermination() ? 0 : 1;
        }
    }

    private static List<String> checkTopics(FleetGuardConfig config) throws InterruptedException {
        Properties props = StreamsProperties.of(config, FleetGuardMetrics.inMemory());
        props.remove(FleetGuardMetrics.CONFIG_KEY);
        try (Admin admin = Admin.create(props)) {
            return TopicCheck.problems(admin, FleetGuardTopics.from(config));
        }
    }
}
