package io.fleetguard.detect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SemanticVersionTest {

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
            "1.9.9, 1.10.0",
            "1.10.0, 1.11.0",
            "0.9.0, 1.0.0",
            "2.0.0, 2.1.0",
            "2.1.0, 2.1.1",
            "2.0.0-rc.1, 2.0.0",
            "1.9.9, 2.0.0-rc.1",
            "1.0.0-1, 1.0.0-a",
            "1.0.0-alpha.1, 1.0.0-alpha.a",
            "1.0.0-rc.9, 1.0.0-rc.10",
            "1.0.0-A, 1.0.0-a",
            "18446744073709551615.0.0, 18446744073709551616.0.0"})
    void shouldOrderByPrecedence(String lower, String higher) {
        // Given
        SemanticVersion low = SemanticVersion.parse(lower).orElseThrow();
        SemanticVersion high = SemanticVersion.parse(higher).orElseThrow();

        // When / Then
        assertThat(low.isLowerThan(high)).isTrue();
        assertThat(high.isLowerThan(low)).isFalse();
        assertThat(low).isLessThan(high);
    }

    @Test
    void shouldSortTheSpecificationsExampleChain() {
        // Given semver.org section 11's example, shuffled
        List<String> expected = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0");
        List<SemanticVersion> versions = new ArrayList<>(expected.stream()
                .map(v -> SemanticVersion.parse(v).orElseThrow()).toList());
        Collections.reverse(versions);

        // When
        Collections.sort(versions);

        // Then
        assertThat(versions).extracting(SemanticVersion::toString).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "v1.2.3, 1.2.3",
            "V1.2.3, 1.2.3",
            "'  1.2.3 ', 1.2.3",
            "1.2.3+build.5, 1.2.3",
            "1.2.3+build.5, 1.2.3+build.6",
            "v2.0.0-rc.1+exp.sha.5114f85, 2.0.0-rc.1"})
    void shouldTreatTheVPrefixBlanksAndBuildMetadataAsNoDifference(String a, String b) {
        // When
        SemanticVersion first = SemanticVersion.parse(a).orElseThrow();
        SemanticVersion second = SemanticVersion.parse(b).orElseThrow();

        // Then
        assertThat(first).isEqualTo(second);
        assertThat(first.compareTo(second)).isZero();
    }

    @Test
    void shouldParseEveryPart() {
        // When
        SemanticVersion version = SemanticVersion.parse("v10.20.30-rc.1.x-y+b.7").orElseThrow();

        // Then
        assertThat(version).isEqualTo(new SemanticVersion(BigInteger.valueOf(10), BigInteger.valueOf(20),
                BigInteger.valueOf(30), List.of("rc", "1", "x-y")));
        assertThat(version).hasToString("10.20.30-rc.1.x-y");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "1.2", "v1.2", "1", "1.2.3.4", "01.2.3", "1.02.3", "1.2.03", "1.2.3-", "1.2.3-01",
            "1.2.3-a..b", "1.2.3+", "1.2.3+a..b", "vv1.2.3", "-1.2.3", "1.2.x", "latest", "1.2.3 beta", "1.2.3-rc_1",
            "v 1.2.3"})
    void shouldRejectWhatIsNotASemanticVersion(String text) {
        // When / Then
        assertThat(SemanticVersion.parse(text)).isEmpty();
    }

    @Test
    void shouldAcceptPreReleaseIdentifiersThatMixDigitsAndLetters() {
        // When / Then "0a" and "-" are alphanumeric identifiers, so a leading zero is allowed there
        assertThat(SemanticVersion.parse("1.0.0-0a.-")).map(SemanticVersion::preRelease).contains(List.of("0a", "-"));
    }
}
