package io.fleetguard.replay;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails on purpose after every Kafka upgrade: {@link TaskDriver} depends on internals of
 * TopologyTestDriver and StreamTask that no compiler or field lookup fully checks.
 */
class TaskDriverVersionTest {

    /** Written by Kafka's build into the kafka-streams jar; KafkaStreams reports it as its client version metric. */
    private static final String VERSION_RESOURCE = "/kafka/kafka-streams-version.properties";

    @Test
    void shouldRunOnTheKafkaStreamsVersionTaskDriverWasVerifiedAgainst() throws IOException {
        String running = kafkaStreamsVersion();

        assertThat(running)
                .as("""
                        Kafka Streams is now %s; replay.TaskDriver was verified against %s. Before changing \
                        TaskDriver.VERIFIED_KAFKA_STREAMS_VERSION, re-check against the new kafka-streams-test-utils jar \
                        (e.g. javap -p -c org.apache.kafka.streams.TopologyTestDriver): (1) the private fields task, producer, \
                        mockWallClockTime, partitionsByInputTopic and offsetsByTopicOrPatternPartition still exist with \
                        the same meaning; (2) completeAllProcessableWork still calls the same StreamTask methods in the \
                        same order as TaskDriver.pipe (resumePollingForPartitionsWithAvailableSpace, updateLags, \
                        hasRecordsQueued, isProcessable, process, maybeFlushTerminalE2ELatency, maybePunctuateStreamTime), \
                        and TaskDriver.commit still matches its prepareCommit/postCommit; (3) TaskDriverTest, \
                        OfflineReplay*Test and ReplayAgreementIT pass.""", running, TaskDriver.VERIFIED_KAFKA_STREAMS_VERSION)
                .isEqualTo(TaskDriver.VERIFIED_KAFKA_STREAMS_VERSION);
    }

    private static String kafkaStreamsVersion() throws IOException {
        try (InputStream in = KafkaStreams.class.getResourceAsStream(VERSION_RESOURCE)) {
            assertThat(in).as("%s on the classpath", VERSION_RESOURCE).isNotNull();
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }
}
