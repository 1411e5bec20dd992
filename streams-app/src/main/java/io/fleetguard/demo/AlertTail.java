package io.fleetguard.demo;

import io.fleetguard.schema.IdentityAlert;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reads the alert topic as a SIEM should (read_committed) and hands each alert on. */
final class AlertTail implements Runnable {

    private final KafkaConsumer<String, IdentityAlert> consumer;
    private final String topic;
    private final Consumer<IdentityAlert> onAlert;
    private final List<IdentityAlert> seen = new ArrayList<>();

    AlertTail(String bootstrap, String topic, Deserializer<IdentityAlert> values, Consumer<IdentityAlert> onAlert) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "fleetguard-demo-printer",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), values);
        this.topic = topic;
        this.onAlert = onAlert;
    }

    @Override
    public void run() {
        try (consumer) {
            consumer.subscribe(List.of(topic));
            while (true) {
                for (ConsumerRecord<String, IdentityAlert> r : consumer.poll(Duration.ofMillis(200))) {
                    synchronized (seen) {
                        seen.add(r.value());
                    }
                    onAlert.accept(r.value());
                }
            }
        } catch (WakeupException stop) {
            // stop() was called
        }
    }

    void stop() {
        consumer.wakeup();
    }

    List<IdentityAlert> alerts() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }
}
