package io.fleetguard.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetguard.ingest.LogFormat;

import java.io.PrintStream;
import java.util.Map;

/**
 * The figures of a chaos run: a table, then one JSON line. {@code lost}, {@code duplicates},
 * {@code extra} and {@code secrets_leaked} come first in the JSON so a script can grep for them.
 */
public record ChaosReport(ChaosOptions options, long records, AlertAudit audit, long ocsfMismatches, int kills,
                   double failoverSeconds, int brokerRestarts, int unexpectedExits, long poisonSent,
                   long poisonDeadLettered, Map<String, Long> poisonReasons, int secretsPlanted, long secretsLeaked,
                   Map<LogFormat, BrokerLogFuzz.Result> fuzz, long eosLogLines, long lateRegistryVersions,
                   double wallSeconds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Nothing lost, duplicated, extra or leaked; every pill dead-lettered; no crash; no fuzz escape. */
    public boolean passed() {
        return audit.clean() && ocsfMismatches == 0 && secretsLeaked == 0 && poisonSent == poisonDeadLettered
                && unexpectedExits == 0 && fuzzEscaped() == 0 && fuzz.values().stream().allMatch(r -> r.accounted() == r.lines());
    }

    long fuzzLines() {
        return fuzz.values().stream().mapToLong(BrokerLogFuzz.Result::lines).sum();
    }

    long fuzzEscaped() {
        return fuzz.values().stream().mapToLong(BrokerLogFuzz.Result::escaped).sum();
    }

    void print(PrintStream out) {
        out.printf("%nFleetGuard chaos: %,d events, %,d devices, %d partitions, seed %d, exactly_once_v2, event.order.grace.ms %d%n",
                options.events(), options.devices(), options.partitions(), options.seed(), options.eventOrderGraceMs());
        row(out, "history records (live inputs)", String.format("%,d", records));
        row(out, "first alerts expected (offline replay)", String.format("%,d", audit.expected()));
        row(out, "first alerts committed (live, read_committed)", String.format("%,d", audit.live()));
        row(out, "lost / duplicates / extra", audit.lost() + " / " + audit.duplicates() + " / " + audit.extra());
        row(out, "order-dependent cross-device alerts", String.format("%,d (same type, severity, subject; device named by arrival order)", audit.orderDependent()));
        row(out, "suppression updates / without a first alert", String.format("%,d / %d", audit.updates(), audit.orphanUpdates()));
        row(out, "OCSF findings not matching an alert", Long.toString(ocsfMismatches));
        row(out, "kill -9 of an instance (restarted)", Integer.toString(kills));
        row(out, "failover to the standby, seconds", failoverSeconds < 0 ? "not measured" : String.format("%.1f", failoverSeconds));
        row(out, "broker restarts (SIGTERM, SIGKILL)", Integer.toString(brokerRestarts));
        row(out, "unexpected app exits", Integer.toString(unexpectedExits));
        row(out, "poison pills sent / dead-lettered", poisonSent + " / " + poisonDeadLettered);
        poisonReasons.forEach((reason, n) -> row(out, "  dead-letter reason " + reason, Long.toString(n)));
        row(out, "secrets planted / leaked", secretsPlanted + " / " + secretsLeaked);
        fuzz.forEach((format, r) -> row(out, "fuzzed " + format.origin() + " lines",
                String.format("%,d: %,d normalized, %,d skipped, %,d rejected, %,d throttled, %d escaped",
                        r.lines(), r.normalized(), r.skipped(), r.rejected(), r.throttled(), r.escaped())));
        row(out, "EOS warnings in logs (OutOfOrderSequence, CONCURRENT_TRANSACTIONS)", Long.toString(eosLogLines));
        row(out, "registry versions later than the event-order grace (logged)", Long.toString(lateRegistryVersions));
        row(out, "wall time, seconds", String.format("%.0f", wallSeconds));
        row(out, "verdict", passed() ? "PASS" : "FAIL");
        out.println(json());
        out.flush();
    }

    private static void row(PrintStream out, String name, String value) {
        out.printf("%-66s %s%n", name, value);
    }

    String json() {
        ObjectNode n = JSON.createObjectNode();
        n.put("lost", audit.lost()).put("duplicates", audit.duplicates()).put("extra", audit.extra())
                .put("secrets_leaked", secretsLeaked)
                .put("kills", kills).put("failover_seconds", Math.round(failoverSeconds * 10) / 10.0)
                .put("broker_restarts", brokerRestarts).put("app_restarts", unexpectedExits)
                .put("poison_sent", poisonSent).put("poison_dead_lettered", poisonDeadLettered)
                .put("secrets_planted", secretsPlanted)
                .put("fuzz_lines", fuzzLines()).put("fuzz_escaped", fuzzEscaped())
                .put("order_dependent", audit.orderDependent()).put("updates_without_create", audit.orphanUpdates())
                .put("ocsf_mismatches", ocsfMismatches)
                .put("alerts_expected", audit.expected()).put("alerts_live", audit.live())
                .put("events", options.events()).put("devices", options.devices()).put("partitions", options.partitions())
                .put("seed", options.seed()).put("event_order_grace_ms", options.eventOrderGraceMs()).put("eos_log_lines", eosLogLines)
                .put("late_registry_versions", lateRegistryVersions)
                .put("wall_seconds", Math.round(wallSeconds)).put("passed", passed());
        return n.toString();
    }
}
