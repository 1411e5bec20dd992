package io.fleetguard.runtime;

import io.fleetguard.topology.FleetGuardTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Checks before start-up that every topic FleetGuard reads or writes exists and that the inputs
 * are co-partitioned with the registry (a join needs it), and reports every problem at once.
 */
public final class TopicCheck {

    private TopicCheck() {
    }

    /** @return problems found; empty when all is well */
    public static List<String> problems(Admin admin, FleetGuardTopics topics) throws InterruptedException {
        Set<String> wanted = new LinkedHashSet<>(topics.inputTopics());
        wanted.add(topics.alerts().name());
        wanted.add(topics.alertsOcsf());
        if (topics.brokerLogs() != null) {
            wanted.add(topics.brokerLogs());
        }
        wanted.add(topics.deadLetter());
        List<String> problems = new ArrayList<>();
        Set<String> existing;
        try {
            existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            problems.add("cannot list topics on the Kafka cluster: " + e.getMessage());
            return problems;
        }
        List<String> present = new ArrayList<>();
        for (String t : wanted) {
            if (existing.contains(t)) {
                present.add(t);
            } else {
                problems.add("topic '" + t + "' does not exist");
            }
        }
        Map<String, TopicDescription> described;
        try {
            described = admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            problems.add("cannot describe topics: " + e.getMessage());
            return problems;
        }
        TopicDescription registry = described.get(topics.registry().name());
        if (registry != null) {
            int expected = registry.partitions().size();
            for (String input : topics.inputTopics()) {
                TopicDescription d = described.get(input);
                if (d != null && d.partitions().size() != expected) {
                    problems.add("topic '" + input + "' has " + d.partitions().size() + " partitions but the registry '"
                            + registry.name() + "' has " + expected + "; inputs must be co-partitioned with the registry");
                }
            }
        }
        return problems;
    }
}
