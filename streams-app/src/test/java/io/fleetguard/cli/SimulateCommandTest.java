package io.fleetguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheSameJsonLinesForTheSameSeed() throws IOException {
        assertThat(simulate(dir.resolve("a"), "7")).isZero();
        assertThat(simulate(dir.resolve("b"), "7")).isZero();
        assertThat(simulate(dir.resolve("c"), "8")).isZero();

        long lines = 0;
        for (String f : List.of("registry.jsonl", "auth.jsonl", "telemetry.jsonl", "config.jsonl", "support.jsonl")) {
            Path a = dir.resolve("a").resolve(f);
            if (Files.exists(a)) {
                assertThat(Files.readString(a)).as(f).isEqualTo(Files.readString(dir.resolve("b").resolve(f)));
                try (Stream<String> s = Files.lines(a)) {
                    lines += s.count();
                }
            }
        }
        assertThat(lines).isEqualTo(50 + 2000);
        assertThat(Files.readString(dir.resolve("a").resolve("telemetry.jsonl")))
                .isNotEqualTo(Files.readString(dir.resolve("c").resolve("telemetry.jsonl")));
        try (Stream<String> registry = Files.lines(dir.resolve("a").resolve("registry.jsonl"))) {
            assertThat(registry.limit(50).map(l -> l.substring(0, l.indexOf(','))).distinct().count()).isEqualTo(50);
        }
    }

    @Test
    void shouldRefuseToProduceWithoutASchemaRegistry() {
        StringWriter err = new StringWriter();
        CommandLine cli = FleetGuardCli.commandLine().setErr(new PrintWriter(err));

        int exit = cli.execute("simulate", "--bootstrap-servers", "127.0.0.1:1", "--events", "1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("'schema.registry.url' is required");
    }

    private static int simulate(Path out, String seed) {
        return FleetGuardCli.commandLine().setOut(new PrintWriter(new StringWriter()))
                .execute("simulate", "--out-dir", out.toString(), "--devices", "50", "--events", "2000", "--seed", seed);
    }
}
