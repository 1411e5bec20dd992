package io.fleetguard.chaos;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Mutations of real broker-log lines, as a broken shipper, a hostile client or a corrupted disk
 * would produce them: truncation, random characters, huge lengths, invalid UTF-8 (decoded the way
 * Kafka's StringDeserializer decodes it), control and bidi characters, deep JSON nesting, splices,
 * extreme numbers. Deterministic for a given seed.
 */
final class LineMutator {

    private static final String CONTROLS = "\u0000\u0001\u0007\b\t\n\u000b\f\r\u001b\u007f\u0085\u2028\u2029\u202e\ufeff";
    private static final int MUTATIONS = 9;

    private final SplittableRandom random;

    LineMutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** One to three mutations of {@code line}, {@code other} being another real line to splice in. */
    String mutate(String line, String other) {
        String s = line;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            s = once(s, other);
        }
        return s;
    }

    private String once(String s, String other) {
        return switch (random.nextInt(MUTATIONS)) {
            case 0 -> s.substring(0, random.nextInt(s.length() + 1));
            case 1 -> replaceRandom(s);
            case 2 -> huge(s);
            case 3 -> invalidUtf8(s);
            case 4 -> insert(s, String.valueOf(CONTROLS.charAt(random.nextInt(CONTROLS.length()))));
            case 5 -> nest(s);
            case 6 -> insert(s, other.substring(random.nextInt(other.length() + 1)));
            case 7 -> s.replaceFirst("\\d+", random.nextBoolean() ? "99999999999999999999999" : "-1");
            default -> insert(s, random.nextBoolean() ? "\",\"" : "\":{\"");
        };
    }

    private String replaceRandom(String s) {
        if (s.isEmpty()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s);
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            b.setCharAt(random.nextInt(b.length()), (char) random.nextInt(0x10000));
        }
        return b.toString();
    }

    private String huge(String s) {
        int at = random.nextInt(s.length() + 1);
        int length = random.nextInt(8) == 0 ? 70_000 + random.nextInt(150_000) : 1_000 + random.nextInt(9_000);
        return s.substring(0, at) + "A".repeat(length) + s.substring(at);
    }

    private String invalidUtf8(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 1 + random.nextInt(4); i > 0 && bytes.length > 0; i--) {
            bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String nest(String s) {
        int depth = random.nextInt(4) == 0 ? 5_000 + random.nextInt(20_000) : 10 + random.nextInt(200);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String deep = open.repeat(depth) + "1" + close.repeat(random.nextInt(depth + 1));
        int brace = s.indexOf(':');
        return brace < 0 ? deep + s : s.substring(0, brace + 1) + deep + s.substring(brace + 1);
    }

    private String insert(String s, String piece) {
        int at = random.nextInt(s.length() + 1);
        return s.substring(0, at) + piece + s.substring(at);
    }
}
