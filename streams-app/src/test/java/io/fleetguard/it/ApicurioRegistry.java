package io.fleetguard.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apicurio Registry 3.x, a Schema Registry written by someone else, in a child JVM: its runnable
 * Quarkus distribution ({@code io.apicurio:apicurio-registry-app:<v>:tar.gz:all} from Maven Central,
 * unpacked by the build into {@code target/apicurio-registry}), in-memory H2 storage (its default),
 * HTTPS only, and HTTP basic auth for one embedded Quarkus user on everything under {@code /apis}.
 * Apicurio 3 needs Java 21 or newer: the JVM is found by {@link #javaHome()} or the start fails
 * saying where it looked.
 */
final class ApicurioRegistry implements AutoCloseable {

    static final String USER = "fleetguard";
    static final String PASSWORD = "registry-test-secret";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern LISTENING = Pattern.compile("started in .*Listening on: https://[^:]+:(\\d+)");
    private static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)");

    private final Process process;
    private final int port;
    private final Deque<String> lastLines;

    private ApicurioRegistry(Process process, int port, Deque<String> lastLines) {
        this.process = process;
        this.port = port;
        this.lastLines = lastLines;
    }

    /** Starts the registry with {@code keystore} (PKCS12) as its TLS identity; returns once it listens. */
    static ApicurioRegistry start(Path keystore, String keystorePassword) throws Exception {
        Path home = Path.of(System.getProperty("apicurio.registry.home", "target/apicurio-registry"));
        Path runJar = home.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(runJar)) {
            throw new IllegalStateException(runJar.toAbsolutePath() + " is missing: run the test through `mvn verify`, whose "
                    + "pre-integration-test phase unpacks io.apicurio:apicurio-registry-app:tar.gz:all there");
        }
        int[] ports = freePorts(2);
        List<String> command = new ArrayList<>(List.of(javaHome().resolve("bin/java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.ssl-port=" + ports[0],
                "-Dquarkus.http.insecure-requests=disabled",
                "-Dquarkus.http.ssl.certificate.key-store-file=" + keystore,
                "-Dquarkus.http.ssl.certificate.key-store-password=" + keystorePassword,
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=" + ports[1],
                // Embedded users are enabled in Apicurio's build; a permission makes every API call need one.
                // Quarkus warns that quarkus.http.auth.basic is build-time fixed, yet without it every
                // request is refused with 401, right credentials or not (checked with 3.3.3).
                "-Dquarkus.http.auth.basic=true",
                "-Dquarkus.security.users.embedded.plain-text=true",
                "-Dquarkus.security.users.embedded.users." + USER + "=" + PASSWORD,
                "-Dquarkus.security.users.embedded.roles." + USER + "=sr-admin",
                "-Dquarkus.http.auth.permission.apis.paths=/apis/*",
                "-Dquarkus.http.auth.permission.apis.policy=authenticated",
                "-jar", runJar.toString()));
        Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
        Deque<String> lastLines = new ArrayDeque<>();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> follow(process, lastLines, listening), "apicurio-log");
        reader.setDaemon(true);
        reader.start();
        process.onExit().thenRun(() -> listening.completeExceptionally(
                new IllegalStateException("Apicurio Registry exited with " + process.exitValue())));
        ApicurioRegistry registry = new ApicurioRegistry(process, ports[0], lastLines);
        try {
            int port = listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (port != ports[0]) {
                throw new IllegalStateException("Apicurio Registry listens on " + port + ", not on " + ports[0]);
            }
            return registry;
        } catch (Exception e) {
            registry.close();
            throw new IllegalStateException("Apicurio Registry did not start within " + START_TIMEOUT + ": " + e.getMessage()
                    + "\nlast lines of its log:\n" + String.join("\n", registry.lastLines()), e);
        }
    }

    /** The Confluent-compatible API, the one FleetGuard's {@code schema.registry.url} points at. */
    String ccompatUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    /** Apicurio's native API (what its own serdes use). */
    String nativeUrl() {
        return baseUrl() + "/apis/registry/v3";
    }

    private String baseUrl() {
        return "https://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A Java 21+ home: {@code -Dapicurio.java.home}, {@code APICURIO_JAVA_HOME}, Temurin 25 where these
     * machines have it, or the test JVM itself when it is recent enough.
     */
    static Path javaHome() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty("apicurio.java.home")).map(Path::of).ifPresent(candidates::add);
        Optional.ofNullable(System.getenv("APICURIO_JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        candidates.add(TEMURIN_25);
        candidates.add(Path.of(System.getProperty("java.home")));
        List<String> tried = new ArrayList<>();
        for (Path home : candidates) {
            Optional<Integer> feature = featureVersion(home);
            if (feature.isPresent() && feature.get() >= 21 && Files.isExecutable(home.resolve("bin/java"))) {
                return home;
            }
            tried.add(home + feature.map(v -> " (Java " + v + ")").orElse(" (no JDK)"));
        }
        throw new IllegalStateException("ApicurioRegistryIT needs a Java 21+ runtime for Apicurio Registry 3.x and found none; "
                + "tried " + String.join(", ", tried) + ". Install one (CI machines have Temurin 25 at " + TEMURIN_25
                + ") or point -Dapicurio.java.home or APICURIO_JAVA_HOME at it.");
    }

    /** JAVA_VERSION from the JDK's {@code release} file, e.g. "25.0.3" gives 25. */
    private static Optional<Integer> featureVersion(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                Matcher m = JAVA_VERSION.matcher(line);
                if (m.find()) {
                    return Optional.of(Integer.parseInt(m.group(1)));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void follow(Process process, Deque<String> lastLines, CompletableFuture<Integer> listening) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 40) {
                        lastLines.removeFirst();
                    }
                }
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    listening.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
    }

    private List<String> lastLines() {
        synchronized (lastLines) {
            return List.copyOf(lastLines);
        }
    }

    private static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        int[] ports = new int[count];
        try {
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    if (s != null) {
                        s.close();
                    }
                } catch (IOException ignored) {
                    // best effort: the port is free again either way
                }
            }
        }
    }
}
