package io.fleetguard.bench;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

import java.util.Map;

/**
 * What an app's stream threads did, summed over its threads from Kafka Streams' thread metrics (group
 * {@code stream-thread-metrics}). They explain a cost per record that the CPU figures only total: records a
 * task read back from a repartition topic are processed twice, and a commit or a punctuation makes Kafka
 * Streams' loop take fewer records per pass.
 *
 * <p>The bench counts records, polls, commits and punctuators from the app's start, as nothing is processed
 * before it, so that no record slips between RUNNING and a snapshot, and until it stopped writing; the time
 * blocked only from RUNNING until caught up ({@link #blockedBetween}), as start-up waits for its consumer
 * group and an app with nothing left to do waits in its polls.
 *
 * @param processed      records the tasks processed: inputs and every repartitioned copy read back
 * @param polls          consumer polls of the stream threads
 * @param commits        commits (under exactly-once, one transaction each)
 * @param punctuations   punctuators run (stream-time and wall-clock)
 * @param blockedSeconds time the stream threads spent blocked on Kafka: polls, flushes, transaction commits
 */
public record StreamsWork(long processed, long polls, long commits, long punctuations, double blockedSeconds) {

    static final String GROUP = "stream-thread-metrics";

    static StreamsWork of(KafkaStreams streams) {
        return of(streams.metrics());
    }

    static StreamsWork of(Map<MetricName, ? extends Metric> metrics) {
        return new StreamsWork(Math.round(sum(metrics, "process-total")), Math.round(sum(metrics, "poll-total")),
                Math.round(sum(metrics, "commit-total")), Math.round(sum(metrics, "punctuate-total")),
                sum(metrics, "blocked-time-ns-total") / 1e9);
    }

    /** These counts, with the time blocked between two snapshots of the same app instead. */
    StreamsWork blockedBetween(StreamsWork from, StreamsWork to) {
        return new StreamsWork(processed, polls, commits, punctuations, to.blockedSeconds - from.blockedSeconds);
    }

    private static double sum(Map<MetricName, ? extends Metric> metrics, String name) {
        return MetricTotals.sum(metrics, GROUP, name);
    }
}
