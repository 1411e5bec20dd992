package io.fleetguard.bench;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/** A metric that always reads {@code value}, for the tests of what the bench reads from an app's metrics. */
record FixedMetric(double value) implements Metric {

    @Override
    public MetricName metricName() {
        return null;
    }

    @Override
    public Object metricValue() {
        return value;
    }
}
