package io.fleetguard.serde;

import org.apache.kafka.common.config.ConfigException;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * Builds the TLS context of the REST client with standard JSSE only: the JVM default context
 * ({@code javax.net.ssl.*} system properties) unless an explicit truststore or keystore is set.
 */
final class SslContexts {

    private SslContexts() {
    }

    static SSLContext create(SerdeConfig config) {
        String trustLocation = config.getString(SerdeConfig.SSL_TRUSTSTORE_LOCATION);
        String keyLocation = config.getString(SerdeConfig.SSL_KEYSTORE_LOCATION);
        try {
            if (trustLocation == null && keyLocation == null) {
                return SSLContext.getDefault();
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            // A null KeyStore makes JSSE fall back to its default trust (cacerts or javax.net.ssl.trustStore).
            tmf.init(trustLocation == null ? null : load(SerdeConfig.SSL_TRUSTSTORE_LOCATION, trustLocation,
                config.getString(SerdeConfig.SSL_TRUSTSTORE_TYPE), config.secret(SerdeConfig.SSL_TRUSTSTORE_PASSWORD)));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(config, keyLocation), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("Cannot set up TLS for the Schema Registry client: " + e.getMessage());
        }
    }

    private static KeyManager[] keyManagers(SerdeConfig config, String location) throws GeneralSecurityException {
        if (location == null) {
            return null;
        }
        String storePassword = config.secret(SerdeConfig.SSL_KEYSTORE_PASSWORD);
        String keyPassword = config.secret(SerdeConfig.SSL_KEY_PASSWORD);
        KeyStore keyStore = load(SerdeConfig.SSL_KEYSTORE_LOCATION, location,
            config.getString(SerdeConfig.SSL_KEYSTORE_TYPE), storePassword);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, chars(keyPassword != null ? keyPassword : storePassword));
        return kmf.getKeyManagers();
    }

    private static KeyStore load(String key, String location, String type, String password) {
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, chars(password));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            // JSSE messages name the problem ("keystore password was incorrect"), never the password.
            throw new ConfigException("Cannot load " + key + " '" + location + "' as " + type + ": " + e.getMessage());
        }
    }

    private static char[] chars(String password) {
        return password == null ? null : password.toCharArray();
    }
}
