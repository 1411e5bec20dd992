package io.fleetguard.detect;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** State bytes are DataOutputStream's layout, so state written before this codec reads unchanged. */
class StateBytesTest {

    private static final List<String> STRINGS = List.of("", "cam-000042", "10.16.0.0/24", "nul\u0000inside",
            "caf\u00e9", "\u8bbe\u5907-7", "emoji \uD83D\uDE80", "\u007f\u0080\u07ff\u0800\uffff");

    @Test
    void writesExactlyWhatDataOutputStreamWrites() throws IOException {
        ByteArrayOutputStream legacy = new ByteArrayOutputStream();
        StateBytes.Writer writer = new StateBytes.Writer(4);
        try (DataOutputStream out = new DataOutputStream(legacy)) {
            out.writeLong(Long.MIN_VALUE);
            writer.writeLong(Long.MIN_VALUE);
            out.writeInt(-7);
            writer.writeInt(-7);
            for (String s : STRINGS) {
                out.writeUTF(s);
                writer.writeUTF(s);
                out.writeBoolean(true);
                writer.writeBoolean(true);
                out.writeLong(1_767_225_600_123L);
                writer.writeLong(1_767_225_600_123L);
            }
        }
        assertThat(writer.toBytes()).isEqualTo(legacy.toByteArray());
    }

    @Test
    void readsWhatDataOutputStreamWrote() throws IOException {
        ByteArrayOutputStream legacy = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(legacy)) {
            out.writeInt(42);
            for (String s : STRINGS) {
                out.writeUTF(s);
                out.writeBoolean(false);
            }
            out.writeLong(-1L);
        }
        StateBytes.Reader in = new StateBytes.Reader(legacy.toByteArray());
        assertThat(in.readInt()).isEqualTo(42);
        for (String s : STRINGS) {
            assertThat(in.readUTF()).isEqualTo(s);
            assertThat(in.readBoolean()).isFalse();
        }
        assertThat(in.readLong()).isEqualTo(-1L);
    }

    @Test
    void refusesStringsLongerThanTheLengthPrefixAllows() {
        assertThatThrownBy(() -> new StateBytes.Writer(8).writeUTF("x".repeat(65_536)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536 bytes");
    }

    @Test
    void truncatedStateIsReportedAsCorrupt() {
        byte[] whole = new RecentEvents(List.of(new RecentEvents.Entry(5, "gw-1"), new RecentEvents.Entry(9, "gw-2")), 3)
                .toBytes();
        for (int cut : new int[]{0, 7, 12, 21, whole.length - 1}) {
            byte[] part = Arrays.copyOf(whole, cut);
            assertThatThrownBy(() -> RecentEvents.fromBytes(part)).as("cut at %d", cut)
                    .isInstanceOf(UncheckedIOException.class).hasMessage("corrupt state");
        }
    }

    @Test
    void ruleStateRoundTrips() {
        RecentEvents events = new RecentEvents(List.of(new RecentEvents.Entry(1, "caf\u00e9"),
                new RecentEvents.Entry(2, "plc-000633")), RecentEvents.NEVER);
        assertThat(RecentEvents.fromBytes(events.toBytes())).isEqualTo(events);
        SupportSessions sessions = new SupportSessions(List.of(
                new SupportSessions.Session("s-1", "Acme \u00c9lectrique", 10, SupportSessions.OPEN, true, false, 3_600_000)));
        assertThat(SupportSessions.fromBytes(sessions.toBytes())).isEqualTo(sessions);
    }
}
