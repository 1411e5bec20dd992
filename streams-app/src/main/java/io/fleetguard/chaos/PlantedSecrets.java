package io.fleetguard.chaos;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Known secret strings a chaos run plants in every place that can carry one: the registry's basic
 * auth, the Kafka JAAS config, passwords in broker-log lines, and secret-bearing fields of events (a
 * credential change's old and new value, a failure reason that echoes a password). None of them may
 * come out in alerts, OCSF findings, dead-letter headers, logs, {@code /metrics} or {@code --print-config}.
 */
record PlantedSecrets(String registryPassword, String jaasPassword, String emqxPacketPassword,
                      String emqxFieldPassword, String awsIotPassword, String oldCredential, String newCredential,
                      String failureReason, String oversizedPrincipal) {

    static PlantedSecrets of(long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EC12E75L);
        return new PlantedSecrets(secret(random, "registry"), secret(random, "jaas"), secret(random, "emqx-packet"),
                secret(random, "emqx-field"), secret(random, "aws-iot"), secret(random, "old-cred"),
                secret(random, "new-cred"), secret(random, "failure"), secret(random, "oversized"));
    }

    private static String secret(SplittableRandom random, String where) {
        return "S3cr3t-" + where + "-" + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }

    List<String> all() {
        return List.of(registryPassword, jaasPassword, emqxPacketPassword, emqxFieldPassword, awsIotPassword,
                oldCredential, newCredential, failureReason, oversizedPrincipal);
    }

    String registryUserInfo() {
        return "chaos:" + registryPassword;
    }

    String jaasConfig() {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"chaos\" password=\""
                + jaasPassword + "\";";
    }
}
