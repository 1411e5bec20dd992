package io.fleetguard.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed key pairs and truststores made with the JDK's keytool, for TLS tests: each side's
 * truststore holds the other side's certificate.
 */
final class TestCertificates {

    static final String PASSWORD = "fleetguard-test";

    final Path brokerKeystore;
    final Path brokerTruststore;
    final Path clientKeystore;
    final Path clientTruststore;

    TestCertificates(Path dir) throws Exception {
        brokerKeystore = keypair(dir, "broker", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost");
        clientKeystore = keypair(dir, "client", "CN=fleetguard");
        clientTruststore = truststore(dir, brokerKeystore, "client-trust");
        brokerTruststore = truststore(dir, clientKeystore, "broker-trust");
    }

    private static Path keypair(Path dir, String name, String dname, String... extra) throws Exception {
        Path store = dir.resolve(name + ".p12");
        List<String> cmd = new ArrayList<>(List.of(keytool(), "-genkeypair", "-alias", name, "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", dname, "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD));
        cmd.addAll(List.of(extra));
        run(cmd);
        return store;
    }

    private static Path truststore(Path dir, Path keystore, String name) throws Exception {
        Path cert = dir.resolve(name + ".cer");
        run(List.of(keytool(), "-exportcert", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-alias", keystore.getFileName().toString().replace(".p12", ""), "-file", cert.toString()));
        Path trust = dir.resolve(name + ".p12");
        run(List.of(keytool(), "-importcert", "-noprompt", "-alias", "peer", "-file", cert.toString(),
                "-storetype", "PKCS12", "-keystore", trust.toString(), "-storepass", PASSWORD));
        return trust;
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + command + "\n" + output);
        }
    }
}
