import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.*;

/**
 * A plain transactional producer, nothing of Kafka Streams or FleetGuard: T transactions of N records spread over
 * P partitions of a new topic, back to back (optionally each with sendOffsetsToTransaction, as Kafka Streams does),
 * then every record read back with read_committed and counted: lost, duplicated.
 * Arguments: bootstrap partitions transactions recordsPerTransaction [linger.ms] [offsets|none].
 */
public class Repro {
    public static void main(String[] a) throws Exception {
        String bootstrap = a[0];
        int partitions = Integer.parseInt(a[1]);
        int txns = Integer.parseInt(a[2]);
        int perTxn = Integer.parseInt(a[3]);
        String topic = "repro-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        Map<String, Object> pc = new HashMap<>();
        pc.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        pc.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "repro-" + UUID.randomUUID());
        pc.put(ProducerConfig.LINGER_MS_CONFIG, a.length > 4 ? a[4] : "5");
        String pad = "x".repeat(180);
        boolean offsets = a.length > 5 && a[5].equals("offsets");
        long sent = 0;
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> p = new KafkaProducer<>(pc, new StringSerializer(), new StringSerializer())) {
            p.initTransactions();
            for (int t = 0; t < txns; t++) {
                System.out.println("REPRO-TXN " + t + " " + System.currentTimeMillis());
                p.beginTransaction();
                for (int i = 0; i < perTxn; i++) {
                    p.send(new ProducerRecord<>(topic, (int) (sent % partitions), null, String.format("%010d", sent) + pad));
                    sent++;
                }
                if (offsets) {
                    p.sendOffsetsToTransaction(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(t)), new ConsumerGroupMetadata("repro-group-" + topic));
                }
                p.commitTransaction();
            }
        }
        System.out.printf("REPRO sent %d records in %d transactions in %.1f s%n", sent, txns, (System.nanoTime() - t0) / 1e9);
        Map<String, Object> cc = new HashMap<>();
        cc.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cc.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        BitSet seen = new BitSet();
        long read = 0, dup = 0;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(cc, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int i = 0; i < partitions; i++) tps.add(new TopicPartition(topic, i));
            c.assign(tps);
            c.seekToBeginning(tps);
            long deadline = System.currentTimeMillis() + 60_000;
            while (read < sent && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    int n = Integer.parseInt(r.value().substring(0, 10));
                    if (seen.get(n)) dup++;
                    seen.set(n);
                    read++;
                }
            }
        }
        System.out.printf("REPRO read_committed: %d records, %d distinct, %d duplicates, %d missing%n",
                read, seen.cardinality(), dup, sent - seen.cardinality());
    }
}
