package io.fleetguard.bench;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StreamsWorkTest {

    @Test
    void shouldSumTheThreadMetricsOverEveryStreamThreadAndNothingElse() {
        Map<MetricName, Metric> metrics = Map.of(
                thread("process-total", "t1"), metric(1_000.0),
                thread("process-total", "t2"), metric(500.0),
                thread("poll-total", "t1"), metric(7.0),
                thread("commit-total", "t1"), metric(3.0),
                thread("punctuate-total", "t1"), metric(11.0),
                thread("blocked-time-ns-total", "t1"), metric(1.5e9),
                thread("blocked-time-ns-total", "t2"), metric(0.5e9),
                thread("process-rate", "t1"), metric(42.0),
                new MetricName("process-total", "stream-task-metrics", "", Map.of("thread-id", "t1", "task-id", "0_0")), metric(900.0),
                new MetricName("poll-total", "consumer-metrics", "", Map.of("client-id", "t1-consumer")), metric(70.0));

        StreamsWork work = StreamsWork.of(metrics);

        assertThat(work.processed()).isEqualTo(1_500);
        assertThat(work.polls()).isEqualTo(7);
        assertThat(work.commits()).isEqualTo(3);
        assertThat(work.punctuations()).isEqualTo(11);
        assertThat(work.blockedSeconds()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void shouldBeNothingForAnAppWithoutThreadsYet() {
        assertThat(StreamsWork.of(Map.of())).isEqualTo(new StreamsWork(0, 0, 0, 0, 0.0));
    }

    @Test
    void shouldKeepItsCountsAndTakeTheTimeBlockedBetweenTwoSnapshots() {
        StreamsWork atRunning = new StreamsWork(100, 2, 1, 0, 0.25);
        StreamsWork caughtUp = new StreamsWork(1_100, 12, 5, 9, 1.0);
        StreamsWork settled = new StreamsWork(1_300, 20, 7, 9, 3.0);

        assertThat(settled.blockedBetween(atRunning, caughtUp)).isEqualTo(new StreamsWork(1_300, 20, 7, 9, 0.75));
    }

    private static MetricName thread(String name, String threadId) {
        return new MetricName(name, StreamsWork.GROUP, "", Map.of("thread-id", threadId));
    }

    private static Metric metric(double value) {
        return new FixedMetric(value);
    }
}
