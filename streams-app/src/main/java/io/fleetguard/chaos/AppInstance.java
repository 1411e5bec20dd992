package io.fleetguard.chaos;

import io.fleetguard.cli.FleetGuardCli;
import io.fleetguard.embedded.FreePorts;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * One FleetGuard instance of a chaos run: {@code fleetguard run --config <its properties>} in a
 * child JVM, with its own state dir, metrics port and log file, restartable on the same state.
 */
final class AppInstance {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final List<String> JVM = List.of("-Xmx384m", "-XX:+UseSerialGC");

    private final String name;
    private final Children children;
    private final Path properties;
    private final Path log;
    private final int metricsPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ChildJvm jvm;
    private int starts;

    AppInstance(String name, Children children, Path dir, Map<String, String> settings) throws IOException {
        this.name = name;
        this.children = children;
        this.properties = dir.resolve(name + ".properties");
        this.log = dir.resolve(name + ".log");
        this.metricsPort = FreePorts.pick(1)[0];
        Map<String, String> own = new TreeMap<>(settings);
        own.put("kafka.state.dir", dir.resolve("state-" + name).toString());
        own.put("metrics.http.host", "127.0.0.1");
        own.put("metrics.http.port", Integer.toString(metricsPort));
        Properties p = new Properties();
        p.putAll(own);
        try (Writer w = Files.newBufferedWriter(properties, StandardCharsets.UTF_8)) {
            p.store(w, "FleetGuard chaos instance " + name);
        }
    }

    /** Starts the instance; with {@code awaitReady} returns once {@code /health/ready} answers 200. */
    void start(boolean awaitReady) throws IOException, InterruptedException {
        jvm = children.track(ChildJvm.start(name, log, JVM, FleetGuardCli.class.getName(),
                List.of("run", "--config", properties.toString())));
        starts++;
        if (awaitReady) {
            awaitReady();
        }
    }

    void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!jvm.alive()) {
                throw new IllegalStateException(name + " exited with code " + jvm.exitCode() + "; see " + log);
            }
            if (ready()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " not RUNNING within " + READY_TIMEOUT + "; see " + log);
    }

    boolean ready() throws InterruptedException {
        try {
            return get("/health/ready").statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** The Prometheus scrape, for the planted-secrets check. */
    String metrics() throws IOException, InterruptedException {
        return get("/metrics").body();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** kill -9 and wait until the process is gone. */
    void kill() throws InterruptedException {
        jvm.kill();
    }

    void stop() throws InterruptedException {
        if (jvm != null) {
            jvm.stop();
        }
    }

    /** True if the process exited without being told to (a crash the run did not cause). */
    boolean crashed() {
        return jvm != null && !jvm.alive();
    }

    int exitCode() {
        return jvm.exitCode();
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    Path properties() {
        return properties;
    }

    int starts() {
        return starts;
    }
}
