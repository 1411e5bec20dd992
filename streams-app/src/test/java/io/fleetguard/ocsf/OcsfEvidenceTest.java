package io.fleetguard.ocsf;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class OcsfEvidenceTest {

    // The patterns as first written (matched whole, with leading and trailing ".*"): the reference
    // the searched-for patterns must agree with.
    private static final Pattern KEY_AS_MATCHED = Pattern.compile(
            ".*(password|passwd|passphrase|pwd|secret|token|apikey|privatekey|presharedkey|bearer|cookie).*|psk|credentials?");
    private static final Pattern VALUE_AS_MATCHED = Pattern.compile(
            "(?is).*(-----BEGIN [A-Z ]*PRIVATE KEY|\\b(password|passwd|secret|token|apikey|api_key)\\s*[=:]\\s*\\S).*");

    @Test
    void shouldDropKeysAndValuesThatLookLikeSecrets() {
        assertThat(OcsfEvidence.looksSecret("api_key", "x")).isTrue();
        assertThat(OcsfEvidence.looksSecret("Pre-Shared-Key", "x")).isTrue();
        assertThat(OcsfEvidence.looksSecret("psk", "x")).isTrue();
        assertThat(OcsfEvidence.looksSecret("credentials", "x")).isTrue();
        assertThat(OcsfEvidence.looksSecret("failureReason", "bad login\nPassword = hunter2")).isTrue();
        assertThat(OcsfEvidence.looksSecret("note", "-----begin rsa private key-----")).isTrue();

        assertThat(OcsfEvidence.looksSecret("pskIdentity", "x")).isFalse(); // "psk" only as the whole key
        assertThat(OcsfEvidence.looksSecret("credentialFingerprint", "9f86d081884c7d65")).isFalse();
        assertThat(OcsfEvidence.looksSecret("failureReason", "password rejected")).isFalse();
        assertThat(OcsfEvidence.looksSecret("summary", "notoken=1")).isFalse(); // not at a word boundary
    }

    @Test
    void shouldAgreeWithThePatternsAsFirstWrittenOnRandomText() {
        List<String> pieces = List.of("password", "PassWd", "token", "api_key", "apikey", "secret", "psk", "credential",
                "credentials", "-----BEGIN ", "EC PRIVATE KEY", "PRIVATE KEY", "=", ":", " ", "\n", "\t", "x", "_", "-",
                "9f86", "cookie", "bearer", "fp", "no");
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder key = new StringBuilder();
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(4); n >= 0; n--) {
                key.append(pieces.get(random.nextInt(pieces.size())));
            }
            for (int n = random.nextInt(8); n >= 0; n--) {
                value.append(pieces.get(random.nextInt(pieces.size())));
            }
            String normalized = key.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            boolean expected = KEY_AS_MATCHED.matcher(normalized).matches() || VALUE_AS_MATCHED.matcher(value).matches();

            assertThat(OcsfEvidence.looksSecret(key.toString(), value.toString()))
                    .as("key %s, value %s", key, value).isEqualTo(expected);
        }
    }
}
