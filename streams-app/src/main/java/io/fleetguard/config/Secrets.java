package io.fleetguard.config;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Locale;
import java.util.Set;

/** Decides which configuration values must never be printed. */
final class Secrets {

    /** Fragments that mark a key as secret even when Kafka does not declare it (plugins, JAAS). */
    private static final Set<String> SECRET_FRAGMENTS = Set.of(
            "password", "secret", "jaas", "token", "credential", "user.info", "ssl.keystore.key",
            "ssl.keystore.certificate.chain", "ssl.truststore.certificates", "private");

    private Secrets() {
    }

    /** True when Kafka declares the key as a PASSWORD or its name looks secret. */
    static boolean isSecretKafkaKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String fragment : SECRET_FRAGMENTS) {
            if (lower.contains(fragment)) {
                return true;
            }
        }
        return declaredPassword(StreamsConfig.configDef(), key)
                || declaredPassword(ProducerConfig.configDef(), key)
                || declaredPassword(ConsumerConfig.configDef(), key)
                || declaredPassword(AdminClientConfig.configDef(), key);
    }

    private static boolean declaredPassword(ConfigDef def, String key) {
        ConfigDef.ConfigKey k = def.configKeys().get(key);
        return k != null && k.type == ConfigDef.Type.PASSWORD;
    }
}
