package io.fleetguard.bench;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * How many records an app has written so far, to every topic: its producers' {@code record-send-total}.
 * Every record written costs the app a serialization and a send, and the broker an append; FleetGuard
 * writes changelogs, a repartition topic and two alert topics where the baseline writes one output.
 */
final class RecordsWritten {

    private static final String GROUP = "producer-metrics";
    private static final String TOPIC_GROUP = "producer-topic-metrics";
    private static final String NAME = "record-send-total";

    private RecordsWritten() {
    }

    /** The sum over the app's producers (one per stream thread under exactly_once_v2). */
    static long of(KafkaStreams streams) {
        return of(streams.metrics());
    }

    /**
     * The sum once the app has stopped writing: caught up on its inputs, FleetGuard may still be reading back
     * its repartition topic. Waits until two reads {@code quiet} apart agree, at most {@code max}.
     */
    static long settled(KafkaStreams streams, Duration quiet, Duration max) throws InterruptedException {
        return settled(() -> of(streams), quiet, max);
    }

    static long settled(LongSupplier count, Duration quiet, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        long written = count.getAsLong();
        while (System.nanoTime() < deadline) {
            Thread.sleep(quiet.toMillis());
            long now = count.getAsLong();
            if (now == written) {
                break;
            }
            written = now;
        }
        return written;
    }

    static long of(Map<MetricName, ? extends Metric> metrics) {
        return Math.round(MetricTotals.sum(metrics, GROUP, NAME));
    }

    /**
     * The same count by topic, most written first (ties by name). The app's internal topics (changelogs,
     * repartition topics) are named without the {@code applicationId-} prefix they all share.
     */
    static Map<String, Long> byTopic(KafkaStreams streams, String applicationId) {
        return byTopic(streams.metrics(), applicationId);
    }

    static Map<String, Long> byTopic(Map<MetricName, ? extends Metric> metrics, String applicationId) {
        String prefix = applicationId + "-";
        Map<String, Double> totals = new TreeMap<>();
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            String topic = e.getKey().tags().get("topic");
            if (TOPIC_GROUP.equals(e.getKey().group()) && NAME.equals(e.getKey().name()) && topic != null
                    && e.getValue().metricValue() instanceof Number n) {
                totals.merge(topic.startsWith(prefix) ? topic.substring(prefix.length()) : topic, n.doubleValue(), Double::sum);
            }
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        totals.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), Math.round(e.getValue())));
        return sorted;
    }
}
