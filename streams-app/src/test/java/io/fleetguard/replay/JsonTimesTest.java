package io.fleetguard.replay;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTimesTest {

    @Test
    void shouldReadWhatInstantToStringWritesExactlyAsInstantParseDoes() throws Exception {
        Random random = new Random(1);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 253_000_000_000_000L));
            assertThat(JsonTimes.epochMillis(t.toString())).as(t.toString()).isEqualTo(t.toEpochMilli());
        }
        assertThat(JsonTimes.epochMillis("2024-02-29T23:59:59.999Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.999Z").toEpochMilli());
        assertThat(JsonTimes.epochMillis("2026-03-01T11:00:00+01:00")).isEqualTo(Instant.parse("2026-03-01T10:00:00Z").toEpochMilli());
    }

    @Test
    void shouldRefuseImpossibleDatesAndExcessPrecision() {
        assertThatThrownBy(() -> JsonTimes.epochMillis("2026-02-29T00:00:00Z")).hasMessageContaining("not an ISO-8601 timestamp");
        assertThatThrownBy(() -> JsonTimes.epochMillis("2026-01-01T23:60:00Z")).hasMessageContaining("not an ISO-8601 timestamp");
        assertThatThrownBy(() -> JsonTimes.epochMillis("2026-01-01T00:00:00.1234Z")).hasMessage("timestamp is more precise than milliseconds");
        assertThatThrownBy(() -> JsonTimes.epochMillis("2026-01-01")).hasMessageContaining("not an ISO-8601 timestamp");
    }
}
