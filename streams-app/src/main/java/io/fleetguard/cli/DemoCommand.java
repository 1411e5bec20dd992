package io.fleetguard.cli;

import io.fleetguard.demo.Demo;
import io.fleetguard.demo.DemoOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code fleetguard demo}: everything in one process, no Kafka installed. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded Kafka and schema registry, simulate a fleet with injected incidents, "
                + "run the detector and print alerts as they happen.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--duration", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "How long to run (e.g. 60s, 5m); default: until Ctrl-C.")
    Duration duration;

    @Option(names = "--devices", defaultValue = "500", description = "Fleet size (default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--seed", defaultValue = "42", description = "Simulation seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rate", defaultValue = "200", description = "Events per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--incident-rate", defaultValue = "0.02",
            description = "Fraction of events that inject an incident (default: ${DEFAULT-VALUE}).")
    double incidentRate;

    @Option(names = "--partitions", defaultValue = "4", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    /** The demo's usual port; when it is taken and no port was asked for, any free one serves. */
    static final int DEFAULT_METRICS_PORT = 9464;

    @Option(names = "--metrics-port",
            description = "Port of /metrics, /health/live and /health/ready on 127.0.0.1; 0 = any free port, -1 = off "
                    + "(default: " + DEFAULT_METRICS_PORT + ", or any free port when that one is taken).")
    Integer metricsPort;

    @Option(names = "--no-colour", description = "Never colour the output (it is coloured only on a terminal anyway).")
    boolean noColour;

    /** {@code port} when nothing listens on it on 127.0.0.1, else 0 (any free port). */
    static int portOrAnyFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return port;
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public Integer call() throws Exception {
        boolean tty = System.console() != null;
        Demo demo = new Demo(new DemoOptions(devices, seed, rate, incidentRate, partitions, duration, tty && !noColour,
                metricsPort != null ? metricsPort : portOrAnyFree(DEFAULT_METRICS_PORT)),
                System.out, System.err);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            demo.stop();
            try {
                finished.await(30, TimeUnit.SECONDS); // let the summary print before the JVM goes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fleetguard-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            demo.run();
            return 0;
        } finally {
            finished.countDown();
        }
    }
}
