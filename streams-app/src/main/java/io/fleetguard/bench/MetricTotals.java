package io.fleetguard.bench;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

import java.util.Map;

/** Sums of one metric over every client or thread of an app that reports it (Kafka Streams tags each). */
final class MetricTotals {

    private MetricTotals() {
    }

    /** The sum of every numeric value of {@code group}/{@code name}; NaN (not measured yet) counts as nothing. */
    static double sum(Map<MetricName, ? extends Metric> metrics, String group, String name) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            if (group.equals(e.getKey().group()) && name.equals(e.getKey().name())
                    && e.getValue().metricValue() instanceof Number n && !Double.isNaN(n.doubleValue())) {
                total += n.doubleValue();
            }
        }
        return total;
    }
}
