package io.fleetguard.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM on FleetGuard's own class path, output appended to a log file. {@link #kill()} is
 * {@code kill -9} (SIGKILL on Linux), {@link #stop()} is SIGTERM with a bounded wait.
 */
final class ChildJvm {

    private static final long STOP_WAIT_SECONDS = 40;

    private final String name;
    private final Path log;
    private final Process process;

    private ChildJvm(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code java <jvmOptions> -cp <our class path> mainClass args}, stdout and stderr to {@code log}. */
    static ChildJvm start(String name, Path log, List<String> jvmOptions, String mainClass, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(mainClass);
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ChildJvm(name, log, p);
    }

    /**
     * This JVM's own class path: {@code fleetguard.jar} under {@code java -jar}, the test class path
     * (or the test runner's manifest-only jar) under Maven. Not the code source of this class: under
     * Failsafe that is the unshaded project jar, without the dependencies.
     */
    static String classPath() {
        return System.getProperty("java.class.path");
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, then SIGKILL if it has not exited within 40 s. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            kill();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }
}
