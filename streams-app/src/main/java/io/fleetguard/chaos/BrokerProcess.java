package io.fleetguard.chaos;

import io.fleetguard.embedded.FreePorts;
import io.fleetguard.embedded.StandaloneBroker;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Kafka broker of a chaos run as a child JVM ({@link StandaloneBroker}) on fixed ports and a
 * fixed log dir, so it can be stopped or killed and started again on the same data, without the apps.
 */
final class BrokerProcess {

    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final List<String> JVM = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Children children;
    private final Path logDir;
    private final Path log;
    private final int brokerPort;
    private final int controllerPort;
    private ChildJvm jvm;

    BrokerProcess(Children children, Path dir) throws IOException {
        this.children = children;
        this.logDir = dir.resolve("kafka-data");
        this.log = dir.resolve("broker.log");
        int[] ports = FreePorts.pick(2);
        this.brokerPort = ports[0];
        this.controllerPort = ports[1];
    }

    String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Starts the broker and returns once a produce to it was acknowledged. */
    void start() throws IOException, InterruptedException {
        long from = ChildLogs.size(log);
        jvm = children.track(ChildJvm.start("broker", log, JVM, StandaloneBroker.class.getName(),
                List.of(logDir.toString(), Integer.toString(brokerPort), Integer.toString(controllerPort))));
        ChildLogs.await(jvm, from, l -> l.startsWith(StandaloneBroker.READY), STARTUP);
    }

    /** SIGTERM (clean shutdown) or SIGKILL, then start again on the same log dir and ports. */
    void restart(boolean hard) throws IOException, InterruptedException {
        if (hard) {
            jvm.kill();
        } else {
            jvm.stop();
        }
        start();
    }

    void stop() throws InterruptedException {
        if (jvm != null) {
            jvm.stop();
        }
    }
}
