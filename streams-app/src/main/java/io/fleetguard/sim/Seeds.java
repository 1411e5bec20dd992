package io.fleetguard.sim;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from the simulation seed. Device i draws from its own
 * stream, so it can be generated without generating the devices before it.
 */
final class Seeds {

    static final long PROFILE = 1;
    static final long CREDENTIALS = 2;
    static final long SITE = 3;
    static final long ACTIVITY = 4;
    static final long SECRET = 5;

    private Seeds() {
    }

    static SplittableRandom random(long seed, long purpose, long index) {
        return new SplittableRandom(mix(seed, purpose, index));
    }

    /** Folds the parts into one well-spread 64-bit value (MurmurHash3's finalizer per step). */
    static long mix(long... parts) {
        long h = 0x6A09E667F3BCC909L;
        for (long part : parts) {
            h = finalizer(h ^ finalizer(part + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    private static long finalizer(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }
}
