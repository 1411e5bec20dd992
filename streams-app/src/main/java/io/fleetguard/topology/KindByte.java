package io.fleetguard.topology;

import java.util.Arrays;

/**
 * The framing shared by the values of FleetGuard's own repartition topics ({@link ActivitySerde},
 * {@link CrossDeviceSerde}): one byte naming what follows, then the bytes of the record itself.
 */
final class KindByte {

    private KindByte() {
    }

    /** {@code kind}, then {@code inner}. */
    static byte[] prefixed(byte kind, byte[] inner) {
        byte[] out = new byte[inner.length + 1];
        out[0] = kind;
        System.arraycopy(inner, 0, out, 1, inner.length);
        return out;
    }

    /** What follows the kind byte. */
    static byte[] rest(byte[] framed) {
        return Arrays.copyOfRange(framed, 1, framed.length);
    }
}
