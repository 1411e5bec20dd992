package io.fleetguard.replay;

import io.fleetguard.config.FleetGuardConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code replay --cleanup <name>}: removes what a cluster replay left behind: its consumer group,
 * its internal topics (named exactly, see {@link ReplayResources}) and its local state directory;
 * with {@code deleteOutput} also its alert and dead-letter topics. Refuses while the replay runs.
 */
public final class ReplayCleanup {

    private ReplayCleanup() {
    }

    /**
     * @param loader FleetGuard settings with the given overrides applied last
     * @return 0 when everything is gone, 1 when something could not be removed
     */
    public static int run(ReplayTarget target, Function<Map<String, String>, FleetGuardConfig> loader,
                          boolean deleteOutput, PrintStream console) throws InterruptedException {
        FleetGuardConfig config = loader.apply(target.overrides());
        ClusterReplay.checkNotLive(target, loader.apply(Map.of()));
        try (Admin admin = Admin.create(ReplayResources.adminProperties(config))) {
            String group = config.applicationId();
            if (isActive(admin, group)) {
                console.println("Replay '" + target.name() + "' is still running (group " + group + " has members); stop it first.");
                return 1;
            }
            boolean ok = deleteGroup(admin, group, console);
            Set<String> topics = new TreeSet<>(ReplayResources.internalTopics(config));
            if (deleteOutput) {
                topics.add(target.alertTopic());
                topics.add(target.alertTopic() + ".ocsf");
                topics.add(target.deadLetterTopic());
            }
            ok &= deleteTopics(admin, topics, console);
            Path state = ReplayResources.stateDir(config);
            boolean stateGone = StateDirs.deleteQuietly(state);
            console.println(stateGone ? "Deleted local state " + state : "Could not delete local state " + state);
            if (!deleteOutput) {
                console.println("Kept the replay's alerts in " + target.alertTopic() + " (add --delete-output to remove them)");
            }
            return ok && stateGone ? 0 : 1;
        }
    }

    private static boolean isActive(Admin admin, String group) throws InterruptedException {
        try {
            Map<String, ConsumerGroupDescription> d = admin.describeConsumerGroups(List.of(group)).all().get(60, TimeUnit.SECONDS);
            GroupState state = d.get(group).groupState();
            return !d.get(group).members().isEmpty() || Set.of(GroupState.STABLE, GroupState.PREPARING_REBALANCE,
                    GroupState.COMPLETING_REBALANCE, GroupState.ASSIGNING, GroupState.RECONCILING).contains(state);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return false;
            }
            throw new IllegalStateException("cannot describe group " + group + ": " + e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the Kafka cluster did not answer within 60 s", e);
        }
    }

    private static boolean deleteGroup(Admin admin, String group, PrintStream console) throws InterruptedException {
        try {
            admin.deleteConsumerGroups(List.of(group)).all().get(60, TimeUnit.SECONDS);
            console.println("Deleted consumer group " + group);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                console.println("No consumer group " + group);
                return true;
            }
            console.println("Could not delete consumer group " + group + ": " + e.getCause().getMessage());
            return false;
        } catch (java.util.concurrent.TimeoutException e) {
            console.println("Could not delete consumer group " + group + ": no answer within 60 s");
            return false;
        }
    }

    private static boolean deleteTopics(Admin admin, Set<String> wanted, PrintStream console) throws InterruptedException {
        Set<String> existing = new TreeSet<>(ReplayPlan.get(admin.listTopics().names()));
        List<String> delete = new ArrayList<>(wanted);
        delete.retainAll(existing);
        if (delete.isEmpty()) {
            console.println("No topics to delete");
            return true;
        }
        try {
            admin.deleteTopics(delete).all().get(60, TimeUnit.SECONDS);
            delete.forEach(t -> console.println("Deleted topic " + t));
            return true;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            console.println("Could not delete topics " + delete + ": " + e.getMessage());
            return false;
        }
    }
}
