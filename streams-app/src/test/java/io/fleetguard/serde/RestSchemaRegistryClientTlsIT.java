package io.fleetguard.serde;

import io.fleetguard.schema.AuthEvent;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * TLS and mutual TLS against a loopback HTTPS registry with throw-away certificates. An IT
 * because it spawns keytool and runs real handshakes (seconds, not milliseconds).
 */
class RestSchemaRegistryClientTlsIT {

    private static final String PASSWORD = "tls-test-store";

    @TempDir
    static Path dir;
    private static Path serverKeystore;
    private static Path clientKeystore;
    private static Path clientTruststore;
    private static Path serverTruststore;

    @BeforeAll
    static void createCertificates() throws Exception {
        serverKeystore = keypair("server", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost");
        clientKeystore = keypair("client", "CN=fleetguard-streams");
        clientTruststore = truststoreTrusting(serverKeystore, "client-truststore.p12");
        serverTruststore = truststoreTrusting(clientKeystore, "server-truststore.p12");
    }

    @Test
    void shouldVerifyTheRegistryAgainstTheConfiguredTruststore() throws Exception {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.startHttps(serverContext(), false)) {
            // When
            int id = client(registry, false).register("fleetguard.auth-events-value", AuthEvent.getClassSchema());

            // Then
            assertThat(id).isEqualTo(1);
        }
    }

    @Test
    void shouldPresentTheClientCertificateForMutualTls() throws Exception {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.startHttps(serverContext(), true)) {
            // When
            int id = client(registry, true).register("fleetguard.auth-events-value", AuthEvent.getClassSchema());

            // Then
            assertThat(id).isEqualTo(1);
        }
    }

    @Test
    void shouldFailWhenTheRegistryDemandsAClientCertificateAndNoneIsConfigured() throws Exception {
        try (FakeSchemaRegistry registry = FakeSchemaRegistry.startHttps(serverContext(), true)) {
            // When
            SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
                () -> client(registry, false).register("fleetguard.auth-events-value", AuthEvent.getClassSchema()));

            // Then
            assertThat(e).hasMessageStartingWith("Cannot register schema under subject 'fleetguard.auth-events-value':"
                + " Schema Registry unreachable at " + registry.url() + "/subjects/fleetguard.auth-events-value/versions (");
            assertThat(registry.requests()).isEmpty();
        }
    }

    @Test
    void shouldNameTheStoreButNotThePasswordWhenTheTruststoreCannotBeOpened() {
        // Given
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.SCHEMA_REGISTRY_URL, "https://127.0.0.1:8081");
        config.put(SerdeConfig.SSL_TRUSTSTORE_LOCATION, clientTruststore.toString());
        config.put(SerdeConfig.SSL_TRUSTSTORE_TYPE, "PKCS12");
        config.put(SerdeConfig.SSL_TRUSTSTORE_PASSWORD, "wrong-Xk3");

        // When / Then
        assertThatThrownBy(() -> new RestSchemaRegistryClient(new SerdeConfig(config)))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("Cannot load schema.registry.ssl.truststore.location '" + clientTruststore + "' as PKCS12: ")
            .hasMessageNotContaining("wrong-Xk3");
    }

    private static RestSchemaRegistryClient client(FakeSchemaRegistry registry, boolean withClientCertificate) {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        config.put(SerdeConfig.MAX_RETRIES, 0);
        config.put(SerdeConfig.SSL_TRUSTSTORE_LOCATION, clientTruststore.toString());
        config.put(SerdeConfig.SSL_TRUSTSTORE_PASSWORD, new Password(PASSWORD));
        config.put(SerdeConfig.SSL_TRUSTSTORE_TYPE, "PKCS12");
        if (withClientCertificate) {
            config.put(SerdeConfig.SSL_KEYSTORE_LOCATION, clientKeystore.toString());
            config.put(SerdeConfig.SSL_KEYSTORE_PASSWORD, PASSWORD);
            config.put(SerdeConfig.SSL_KEYSTORE_TYPE, "PKCS12");
            config.put(SerdeConfig.SSL_KEY_PASSWORD, PASSWORD);
        }
        return new RestSchemaRegistryClient(new SerdeConfig(config), millis -> { });
    }

    private static SSLContext serverContext() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(serverKeystore), PASSWORD.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(serverTruststore));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    /** A PKCS12 keystore with a fresh self-signed EC key pair under alias {@code key}. */
    private static Path keypair(String name, String dname, String... extra) throws Exception {
        Path store = dir.resolve(name + ".p12");
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "key",
            "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname, "-validity", "2", "-storetype", "PKCS12",
            "-keystore", store.toString(), "-storepass", PASSWORD));
        command.addAll(List.of(extra));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        return store;
    }

    /** A truststore holding only the certificate of {@code keystore}'s key pair. */
    private static Path truststoreTrusting(Path keystore, String name) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("trusted", load(keystore).getCertificate("key"));
        Path store = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(store)) {
            trust.store(out, PASSWORD.toCharArray());
        }
        return store;
    }

    private static KeyStore load(Path path) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }
}
