package io.fleetguard.bench;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

import java.util.Map;

/**
 * How many records an app has written so far, to every topic: its producers' {@code record-send-total}.
 * Every record written costs the app a serialization and a send, and the broker an append; FleetGuard
 * writes changelogs, a repartition topic and two alert topics where the baseline writes one output.
 */
final class RecordsWritten {

    private static final String GROUP = "producer-metrics";
    private static final String NAME = "record-send-total";

    private RecordsWritten() {
    }

    /** The sum over the app's producers (one per stream thread under exactly_once_v2). */
    static long of(KafkaStreams streams) {
        return of(streams.metrics());
    }

    static long of(Map<MetricName, ? extends Metric> metrics) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            if (GROUP.equals(e.getKey().group()) && NAME.equals(e.getKey().name())
                    && e.getValue().metricValue() instanceof Number n) {
                total += n.doubleValue();
            }
        }
        return Math.round(total);
    }
}
