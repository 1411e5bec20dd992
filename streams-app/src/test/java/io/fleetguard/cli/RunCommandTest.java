package io.fleetguard.cli;

import io.fleetguard.serde.FakeSchemaRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldListEveryConfigurationProblemAndExitWithTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("app.properties"), """
                kafka.bootstrap.servers=broker:9092
                policy.burst.count=1
                topic.alerts=fleetguard.telemetry
                """);
        StringWriter err = new StringWriter();

        int exit = FleetGuardCli.commandLine().setErr(new PrintWriter(err))
                .execute("run", "--config", file.toString(), "--set", "ingest.default.format=syslog");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("Invalid configuration (4 problems):")
                .contains("'schema.registry.url' is required")
                .contains("policy.burst.count")
                .contains("ingest.default.format")
                .contains("'topic.alerts' and 'topic.telemetry' name the same topic 'fleetguard.telemetry'");
    }

    @Test
    void shouldPrintTheEffectiveConfigurationWithSecretsHidden() {
        StringWriter out = new StringWriter();

        int exit = FleetGuardCli.commandLine().setOut(new PrintWriter(out)).execute("run", "--print-config",
                "--set", "kafka.bootstrap.servers=b:9092", "--set", "schema.registry.url=https://sr:8081",
                "--set", "schema.registry.basic.auth.user.info=svc:TopSecret1",
                "--set", "kafka.sasl.jaas.config=x required password=\"TopSecret2\";");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("schema.registry.basic.auth.user.info=[hidden]", "kafka.sasl.jaas.config=[hidden]",
                "kafka.bootstrap.servers=b:9092", "topic.alerts=fleetguard.alerts").doesNotContain("TopSecret");
    }

    @Test
    void shouldStopAtStartUpWhenTheRegistryRefusesASchema() throws IOException {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.start()) {
            registry.answerError(409, 409, "Schema being registered is incompatible with an earlier schema", 1);
            StringWriter err = new StringWriter();

            int exit = FleetGuardCli.commandLine().setErr(new PrintWriter(err)).execute("run", "--skip-topic-check",
                    "--set", "kafka.bootstrap.servers=unused:9092", "--set", "schema.registry.url=" + registry.url());

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("Invalid configuration (1 problem):" + System.lineSeparator()
                    + "  - schema io.fleetguard.schema.DeviceIdentity: Cannot register schema under subject 'fleetguard.registry-value' at "
                    + registry.url() + "/subjects/fleetguard.registry-value/versions: HTTP 409, schema is incompatible with an "
                    + "earlier version under this subject (error_code 409: Schema being registered is incompatible with an earlier schema)"
                    + System.lineSeparator());
        }
    }
}
