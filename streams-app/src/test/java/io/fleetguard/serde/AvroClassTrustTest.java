package io.fleetguard.serde;

import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DayOfWeek;
import io.fleetguard.schema.DeviceIdentity;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroClassTrustTest {

    private ClassSecurityPredicate original;

    @BeforeEach
    void rememberAvroPolicy() {
        original = ClassSecurityValidator.getGlobal();
    }

    @AfterEach
    void restoreAvroPolicy() {
        ClassSecurityValidator.setGlobal(original);
    }

    @Test
    void shouldTrustTheSchemaPackageOnTopOfThePolicyInPlace() {
        // Given: Avro's built-in policy alone, as in a JVM without SERIALIZABLE_PACKAGES
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.DEFAULT_TRUSTED_CLASSES);

        // When
        AvroClassTrust.trustSchemaPackage();

        // Then
        ClassSecurityPredicate policy = ClassSecurityValidator.getGlobal();
        assertThat(List.of(policy.isTrusted(DeviceIdentity.class), policy.isTrusted(Credential.class),
            policy.isTrusted(DayOfWeek.class), policy.isTrusted(String.class))).containsOnly(true);
        assertThatThrownBy(() -> ClassSecurityValidator.validate(HashMap.class))
            .isInstanceOf(SecurityException.class)
            .hasMessageStartingWith("Forbidden java.util.HashMap!");
    }

    @Test
    void shouldInstallTrustOnlyOnceForTheSamePolicy() {
        // Given
        AvroClassTrust.trustSchemaPackage();
        ClassSecurityPredicate installed = ClassSecurityValidator.getGlobal();

        // When
        AvroClassTrust.trustSchemaPackage();

        // Then
        assertThat(ClassSecurityValidator.getGlobal()).isSameAs(installed);
    }

    @Test
    void shouldRoundTripInAJvmStartedWithoutSerializablePackages(@TempDir Path dir) throws IOException, InterruptedException {
        // Given: a fresh JVM, because Avro reads the property once per JVM and surefire sets it for this one
        Path output = dir.resolve("out.txt");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
            FreshJvmRoundTrip.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");

        // When
        Process process = builder.start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }

        // Then
        String printed = Files.readString(output);
        assertThat(exited).as(printed).isTrue();
        assertThat(printed).contains(FreshJvmRoundTrip.EXPECTED);
        assertThat(process.exitValue()).as(printed).isZero();
    }
}
