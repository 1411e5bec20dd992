package io.fleetguard.chaos;

import io.fleetguard.cli.FleetGuardCli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code fleetguard run --config <instance properties> --print-config}, in a child JVM, its output captured to a file. */
final class PrintConfig {

    private PrintConfig() {
    }

    static Path capture(AppInstance app, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("print-config.txt");
        Process p = new ProcessBuilder(java(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", ChildJvm.classPath(),
                FleetGuardCli.class.getName(), "run", "--config", app.properties().toString(), "--print-config")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("run --print-config did not finish within 120 s");
        }
        return out;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
