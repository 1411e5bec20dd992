package io.fleetguard.bench;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class RecordsWrittenTest {

    @Test
    void shouldSumRecordSendTotalOverEveryProducerAndNothingElse() {
        Map<MetricName, Metric> metrics = Map.of(
                name("record-send-total", "producer-metrics", "app-StreamThread-1-producer"), metric(1_500.0),
                name("record-send-total", "producer-metrics", "app-StreamThread-2-producer"), metric(250.0),
                name("record-send-rate", "producer-metrics", "app-StreamThread-1-producer"), metric(99.0),
                name("records-consumed-total", "consumer-fetch-manager-metrics", "app-StreamThread-1-consumer"), metric(7_000.0),
                name("record-send-total", "producer-topic-metrics", "app-StreamThread-1-producer"), metric(1_500.0));

        assertThat(RecordsWritten.of(metrics)).isEqualTo(1_750);
    }

    @Test
    void shouldBeZeroForAnAppThatHasNoProducerYet() {
        assertThat(RecordsWritten.of(Map.of())).isZero();
    }

    @Test
    void shouldCountByTopicMostWrittenFirstWithoutTheApplicationIdOfInternalTopics() {
        Map<MetricName, Metric> metrics = Map.of(
                topicName("app-StreamThread-1-producer", "fleetguard.alerts"), metric(30.0),
                topicName("app-StreamThread-2-producer", "fleetguard.alerts"), metric(20.0),
                topicName("app-StreamThread-1-producer", "app-device-activity-store-changelog"), metric(70.0),
                topicName("app-StreamThread-1-producer", "app-credential-users-store-changelog"), metric(50.0),
                topicName("app-StreamThread-1-producer", "other-app-changelog"), metric(5.0),
                name("record-send-total", "producer-metrics", "app-StreamThread-1-producer"), metric(175.0),
                new MetricName("record-send-rate", "producer-topic-metrics", "",
                        Map.of("client-id", "app-StreamThread-1-producer", "topic", "fleetguard.alerts")), metric(99.0));

        assertThat(RecordsWritten.byTopic(metrics, "app")).containsExactly(
                Map.entry("device-activity-store-changelog", 70L),
                Map.entry("credential-users-store-changelog", 50L),
                Map.entry("fleetguard.alerts", 50L),
                Map.entry("other-app-changelog", 5L));
    }

    @Test
    void shouldSettleOnTheFirstCountThatTwoReadsAQuietSpellApartAgreeOn() throws InterruptedException {
        PrimitiveIterator.OfLong reads = LongStream.of(5, 9, 9, 12).iterator();

        assertThat(RecordsWritten.settled(reads::nextLong, Duration.ofMillis(1), Duration.ofSeconds(10))).isEqualTo(9);
        assertThat(reads.nextLong()).isEqualTo(12); // not read
    }

    @Test
    void shouldGiveTheLastCountWhenWritingGoesOnPastTheLimit() throws InterruptedException {
        long[] next = {0};

        long settled = RecordsWritten.settled(() -> ++next[0], Duration.ofMillis(5), Duration.ofMillis(50));

        assertThat(settled).isEqualTo(next[0]).isGreaterThan(1);
    }

    private static MetricName topicName(String clientId, String topic) {
        return new MetricName("record-send-total", "producer-topic-metrics", "", Map.of("client-id", clientId, "topic", topic));
    }

    private static MetricName name(String name, String group, String clientId) {
        return new MetricName(name, group, "", Map.of("client-id", clientId));
    }

    private static Metric metric(double value) {
        return new FixedMetric(value);
    }
}
