package io.fleetguard.replay;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineDecoderTest {

    private final LineDecoder decoder = new LineDecoder();

    @Test
    void shouldReadARegistryTombstoneAsANullValueAtItsTime() throws Exception {
        HistoryRecord r = decode(ReplayInput.REGISTRY, "{\"deviceId\":\"cam-1\",\"deleted\":true,\"updatedAt\":\"2026-03-01T10:00:00Z\"}");

        assertThat(r).isEqualTo(new HistoryRecord(ReplayInput.REGISTRY, "cam-1", null,
                Instant.parse("2026-03-01T10:00:00Z").toEpochMilli()));
    }

    @Test
    void shouldRefuseTombstonesThatAreNotExactlyThat() {
        assertThatThrownBy(() -> decode(ReplayInput.REGISTRY, "{\"deviceId\":\"cam-1\",\"deleted\":false,\"updatedAt\":1}"))
                .hasMessage("field 'deleted': may only be true (a registry tombstone); omit it otherwise");
        assertThatThrownBy(() -> decode(ReplayInput.REGISTRY, "{\"deviceId\":\"cam-1\",\"deleted\":true,\"updatedAt\":1,\"owner\":\"x\"}"))
                .hasMessageContaining("unexpected field 'owner'");
        assertThatThrownBy(() -> decode(ReplayInput.REGISTRY, "{\"deviceId\":\"cam-1\",\"deleted\":true}"))
                .hasMessage("field 'updatedAt': is required in a registry tombstone");
        assertThatThrownBy(() -> decode(ReplayInput.REGISTRY, "{\"deviceId\":\" \",\"deleted\":true,\"updatedAt\":1}"))
                .hasMessageContaining("field 'deviceId'");
        // Only the registry has tombstones
        assertThatThrownBy(() -> decode(ReplayInput.AUTH, "{\"deviceId\":\"cam-1\",\"deleted\":true,\"updatedAt\":1}"))
                .hasMessageContaining("unknown field");
    }

    private HistoryRecord decode(ReplayInput input, String line) throws MalformedRecordException {
        return decoder.decode(input, line.getBytes(StandardCharsets.UTF_8));
    }
}
