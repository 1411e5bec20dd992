package io.fleetguard.config;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The metrics endpoint and RocksDB memory keys: defaults, accepted edge values, and every problem listed. */
class OperationsConfigTest {

    private static final Map<String, String> REQUIRED = Map.of(
            "kafka.bootstrap.servers", "broker:9092",
            "schema.registry.url", "mock://test");

    @Test
    void shouldServeOnPort9464AndBoundRocksDbTo128MiBByDefault() {
        FleetGuardConfig config = ConfigLoader.fromMap(REQUIRED);

        assertThat(config.metricsHttpPort()).isEqualTo(9464);
        assertThat(config.metricsHttpHost()).isEqualTo("0.0.0.0");
        assertThat(config.rocksDbMemoryBytes()).isEqualTo(128L * 1024 * 1024);
        assertThat(config.rocksDbMemtableFraction()).isEqualTo(0.5);
    }

    @Test
    void shouldAcceptAnyFreePortNoEndpointsAndAnIpv6Host() {
        assertThat(ConfigLoader.fromMap(with("metrics.http.port", "0")).metricsHttpPort()).isZero();
        assertThat(ConfigLoader.fromMap(with("metrics.http.port", "-1")).metricsHttpPort()).isEqualTo(-1);
        assertThat(ConfigLoader.fromMap(with("metrics.http.host", "::1")).metricsHttpHost()).isEqualTo("::1");
    }

    @Test
    void shouldListEveryBadOperationsValueWithTheOtherProblems() {
        // Given a port out of range, a host with a space, a size given in MiB, a fraction above 1,
        // a RocksDB setter set by hand (even FleetGuard's own) and a bad policy value
        Map<String, String> settings = new HashMap<>(REQUIRED);
        settings.put("metrics.http.port", "70000");
        settings.put("metrics.http.host", "my host");
        settings.put("rocksdb.memory.bytes", "128");
        settings.put("rocksdb.memtable.fraction", "1.5");
        settings.put("kafka.rocksdb.config.setter", "io.fleetguard.runtime.BoundedMemoryRocksDbConfig");
        settings.put("policy.burst.count", "1");

        // When
        InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
                () -> ConfigLoader.fromMap(settings));

        // Then every problem is listed, in declaration order, then the reserved Kafka key
        assertThat(e.problems()).containsExactly(
                "Invalid value 1 for configuration policy.burst.count: Value must be at least 2",
                "Invalid value 70000 for configuration metrics.http.port: Value must be no more than 65535",
                "Invalid value my host for configuration metrics.http.host: not a host name or IP address",
                "Invalid value 128 for configuration rocksdb.memory.bytes: Value must be at least 16777216",
                "Invalid value 1.5 for configuration rocksdb.memtable.fraction: Value must be no more than 0.9",
                "'kafka.rocksdb.config.setter' is managed by FleetGuard; use rocksdb.memory.bytes and "
                        + "rocksdb.memtable.fraction (memory is bounded by FleetGuard)");
    }

    @Test
    void shouldRejectAPortThatIsNotANumberAndAFractionOfZero() {
        Map<String, String> settings = new HashMap<>(REQUIRED);
        settings.put("metrics.http.port", "ninety");
        settings.put("rocksdb.memtable.fraction", "0");

        InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
                () -> ConfigLoader.fromMap(settings));

        assertThat(e.problems()).containsExactly(
                "Invalid value ninety for configuration metrics.http.port: Not a number of type INT",
                "Invalid value 0.0 for configuration rocksdb.memtable.fraction: Value must be at least 0.1");
    }

    @Test
    void shouldRejectAPortBelowMinusOne() {
        InvalidConfigurationException e = catchThrowableOfType(InvalidConfigurationException.class,
                () -> ConfigLoader.fromMap(with("metrics.http.port", "-2")));

        assertThat(e.problems()).containsExactly("Invalid value -2 for configuration metrics.http.port: Value must be at least -1");
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> settings = new HashMap<>(REQUIRED);
        settings.put(key, value);
        return settings;
    }
}
