package io.fleetguard.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeFieldsTest {

    @Test
    void shouldCapLongValuesWithoutSplittingASurrogatePair() {
        String emoji = "\uD83D\uDE00";
        String value = "a".repeat(SafeFields.MAX_LENGTH - 1) + emoji + "tail";
        assertThat(SafeFields.clean(value)).isEqualTo("a".repeat(SafeFields.MAX_LENGTH - 1) + "…");
        assertThat(SafeFields.clean("b".repeat(1000))).hasSize(SafeFields.MAX_LENGTH + 1);
    }

    @Test
    void shouldRedactSecretAssignmentsButLeaveOrdinaryText() {
        assertThat(SafeFields.clean("user PASSWORD = s3cret! more")).isEqualTo("user PASSWORD = [redacted] more");
        assertThat(SafeFields.clean("token:abc,next")).isEqualTo("token:[redacted],next");
        assertThat(SafeFields.clean("passenger-7")).isEqualTo("passenger-7");
    }

    @Test
    void shouldTreatBlankAsAbsent() {
        assertThat(SafeFields.clean(" \t ")).isNull();
        assertThat(SafeFields.clean(null)).isNull();
    }
}
