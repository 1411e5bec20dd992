package io.fleetguard.topology;


import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The key of an activity in the event-order buffer. Its bytes sort (unsigned, as both store kinds
 * sort) by event time, then input in the offline replay's tie order (auth, telemetry, config,
 * support), then device, then the record's offset and a collision counter:
 * {@code [time 8, sign-flipped][rank 1][device length 2][device UTF-8][offset 8][n 1]}.
 */
final class EventOrderKey {

    private EventOrderKey() {
    }

    static byte[] encode(long time, int rank, String deviceId, long offset, int collision) {
        if (collision > 255) {
            throw new IllegalStateException("more than 256 activities of " + deviceId + " at one time and offset");
        }
        byte[] device = deviceId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + 1 + 2 + device.length + 8 + 1)
                .putLong(time ^ Long.MIN_VALUE)
                .put((byte) rank)
                .putShort((short) device.length)
                .put(device)
                .putLong(offset ^ Long.MIN_VALUE)
                .put((byte) collision)
                .array();
    }

    /** The 8 bytes every key of {@code time} starts with; shorter than any key, so it sorts before them. */
    static byte[] timePrefix(long time) {
        return ByteBuffer.allocate(8).putLong(time ^ Long.MIN_VALUE).array();
    }

    static long time(byte[] key) {
        return ByteBuffer.wrap(key).getLong(0) ^ Long.MIN_VALUE;
    }

    static int rank(byte[] key) {
        return key[8];
    }

    static String deviceId(byte[] key) {
        int length = Short.toUnsignedInt(ByteBuffer.wrap(key).getShort(9));
        return new String(key, 11, length, StandardCharsets.UTF_8);
    }
}
