package io.fleetguard.embedded;

import org.apache.kafka.common.utils.Utils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A single KRaft node as a process of its own: {@code java -cp fleetguard.jar
 * io.fleetguard.embedded.StandaloneBroker LOG_DIR BROKER_PORT CONTROLLER_PORT}. Fixed ports and a
 * log dir that survives the process, so that a test harness can kill it (SIGTERM or SIGKILL) and
 * start it again on the same data. Prints {@value #READY} and the bootstrap address once a produce
 * was acknowledged; stops on SIGTERM.
 */
public final class StandaloneBroker {

    public static final String READY = "BROKER READY ";

    private StandaloneBroker() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: StandaloneBroker LOG_DIR BROKER_PORT CONTROLLER_PORT");
            return;
        }
        Path logDir = Files.createDirectories(Path.of(args[0]));
        EmbeddedKafka.Options options = EmbeddedKafka.Options.defaults().withStartupTimeout(Duration.ofSeconds(120));
        KraftNode node = new KraftNode(options, logDir, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.stop();
            stopped.countDown();
        }, "standalone-broker-stop"));
        BrokerLogLevels.quiet();
        node.start(options.startupTimeout());
        Deadline deadline = Deadline.after(options.startupTimeout());
        java.util.Map<String, Object> client = new java.util.HashMap<>();
        client.put("bootstrap.servers", node.bootstrapServers());
        TopicAdmin admin = new TopicAdmin(client);
        try {
            ReadinessProbe.await(admin, client, deadline);
        } finally {
            Utils.closeQuietly(admin, "readiness admin");
        }
        System.out.println(READY + node.bootstrapServers());
        System.out.flush();
        stopped.await();
    }
}
