package io.fleetguard.chaos;

import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The faults of a chaos run against two live instances: one failover (kill -9 of one instance,
 * timed until the survivor commits progress on every partition that had work left), then
 * {@code kills} kill -9s, each instance restarted on its own state, with one SIGTERM and one SIGKILL
 * restart of the broker on the way. Before each fault the next slice of the history is fed, and the
 * fault strikes once a random 10-90 % of it is committed: always mid-stream, mid-transaction. Crashes
 * nobody caused are counted and restarted too.
 */
final class Faults {

    private static final Duration FAILOVER_LIMIT = Duration.ofSeconds(300);
    private static final Duration SLICE_LIMIT = Duration.ofSeconds(300);

    private final List<AppInstance> apps;
    private final BrokerProcess broker;
    private final GroupProgress progress;
    private final PrintStream console;
    private final SplittableRandom random;
    private final History history;
    private final long slice;
    private int kills;
    private int brokerRestarts;
    private int unexpectedExits;

    Faults(List<AppInstance> apps, BrokerProcess broker, GroupProgress progress, PrintStream console, long seed,
           History history, int faults) {
        this.history = history;
        this.slice = Math.max(1, history.remaining() / (faults + 1));
        this.apps = List.copyOf(apps);
        this.broker = broker;
        this.progress = progress;
        this.console = console;
        this.random = new SplittableRandom(seed);
    }

    /** Kills the first instance and returns the seconds until every partition with a backlog moved again, or -1. */
    double failover() throws IOException, InterruptedException {
        AppInstance victim = apps.get(0);
        feedAndAwaitMidSlice();
        GroupProgress.Snapshot before = progress.snapshot();
        List<TopicPartition> backlog = before.backlog();
        long killed = System.nanoTime();
        victim.kill();
        console.printf("chaos: failover: killed %s at %.0f%% done; waiting for %s to move %d partitions%n",
                victim.name(), before.fraction() * 100, apps.get(1).name(), backlog.size());
        double seconds = -1;
        Map<TopicPartition, Long> start = new HashMap<>(before.committed());
        while (System.nanoTime() - killed < FAILOVER_LIMIT.toNanos()) {
            GroupProgress.Snapshot now = snapshotQuietly();
            if (now != null && backlog.stream().allMatch(tp -> now.committed().getOrDefault(tp, 0L) > start.getOrDefault(tp, 0L)
                    || now.committed().getOrDefault(tp, 0L) >= now.end().get(tp))) {
                seconds = (System.nanoTime() - killed) / 1e9;
                break;
            }
            Thread.sleep(250);
        }
        console.printf("chaos: failover: %s%n", seconds < 0 ? "no take-over within " + FAILOVER_LIMIT
                : String.format("survivor took over in %.1f s", seconds));
        victim.start(true);
        return seconds;
    }

    /** {@code count} kill -9s of a random instance, each mid-slice; broker restarts after the kills at 1/3 and 2/3. */
    void kills(int count, boolean brokerRestart) throws IOException, InterruptedException {
        for (int i = 1; i <= count; i++) {
            feedAndAwaitMidSlice();
            AppInstance victim = apps.get(random.nextInt(apps.size()));
            GroupProgress.Snapshot s = snapshotQuietly();
            victim.kill();
            kills++;
            console.printf("chaos: kill -9 #%d of %s at %s of the input committed%n", i, victim.name(),
                    s == null ? "?" : String.format("%,d of %,d", s.done(), s.total()));
            victim.start(false);
            if (brokerRestart && (i == Math.max(1, count / 3) || i == Math.max(2, 2 * count / 3))) {
                restartBroker(brokerRestarts > 0);
            }
            awaitAllReady();
        }
    }

    /** Feeds the next slice and waits until a random 10-90 % of it is committed (or the limit passed). */
    private void feedAndAwaitMidSlice() throws IOException, InterruptedException {
        GroupProgress.Snapshot before = progress.snapshot();
        history.feed(slice);
        GroupProgress.Snapshot fed = progress.snapshot();
        long target = before.done() + (long) ((0.1 + 0.8 * random.nextDouble()) * (fed.total() - before.done()));
        long deadline = System.nanoTime() + SLICE_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            GroupProgress.Snapshot now = snapshotQuietly();
            if (now != null && now.done() >= target) {
                return;
            }
            watch(100);
        }
        console.println("chaos: slice not half processed within " + SLICE_LIMIT + "; striking anyway");
    }

    /** Waits until every instance is RUNNING, restarting (and counting) any that exited on its own. */
    void awaitAllReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + FAILOVER_LIMIT.toNanos();
        while (true) {
            restartCrashed();
            boolean all = true;
            for (AppInstance app : apps) {
                all &= app.ready();
            }
            if (all) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("instances not RUNNING within " + FAILOVER_LIMIT);
            }
            Thread.sleep(200);
        }
    }

    private void restartBroker(boolean hard) throws IOException, InterruptedException {
        console.printf("chaos: broker %s and restart%n", hard ? "SIGKILL" : "SIGTERM");
        broker.restart(hard);
        brokerRestarts++;
    }

    /** Waits {@code ms}, restarting (and counting) any instance that exited on its own meanwhile. */
    void watch(long ms) throws IOException, InterruptedException {
        long until = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < until) {
            restartCrashed();
            Thread.sleep(100);
        }
    }

    private void restartCrashed() throws IOException, InterruptedException {
        for (AppInstance app : apps) {
            if (app.crashed()) {
                unexpectedExits++;
                console.printf("chaos: %s exited by itself (code %d); restarting; see %s%n", app.name(),
                        app.exitCode(), app.log());
                app.start(false);
            }
        }
    }

    private GroupProgress.Snapshot snapshotQuietly() throws InterruptedException {
        try {
            return progress.snapshot();
        } catch (IllegalStateException brokerBusy) {
            return null;
        }
    }

    int kills() {
        return kills;
    }

    int brokerRestarts() {
        return brokerRestarts;
    }

    int unexpectedExits() {
        return unexpectedExits;
    }
}
