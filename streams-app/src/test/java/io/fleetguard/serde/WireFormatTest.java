package io.fleetguard.serde;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class WireFormatTest {

    @Test
    void shouldWriteMagicByteThenSchemaIdBigEndian() {
        // Given
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // When
        WireFormat.writeHeader(out, 0x0A0B0C0D);

        // Then
        assertThat(out.toByteArray()).containsExactly(0x00, 0x0A, 0x0B, 0x0C, 0x0D);
    }

    @Test
    void shouldReadBackTheSchemaIdItWrote() {
        // Given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WireFormat.writeHeader(out, Integer.MAX_VALUE);
        out.write(0x02);

        // When
        int id = WireFormat.readSchemaId("t", out.toByteArray());

        // Then
        assertThat(id).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void shouldTreatIdBytesAsUnsignedWithinEachByte() {
        // Given: 0x000000FF would come out as -1 if a byte were sign-extended
        byte[] bytes = {0x00, 0x00, 0x00, (byte) 0x80, (byte) 0xFF};

        // When
        int id = WireFormat.readSchemaId("t", bytes);

        // Then
        assertThat(id).isEqualTo(0x80FF);
    }
}
