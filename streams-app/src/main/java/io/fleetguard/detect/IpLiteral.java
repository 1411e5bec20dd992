package io.fleetguard.detect;

import java.util.Arrays;

/**
 * A strict parser for textual IPv4 and IPv6 addresses that never resolves names:
 * {@code InetAddress.getByName} would send anything that is not a literal to DNS.
 */
final class IpLiteral {

    private IpLiteral() {
    }

    /**
     * @return 4 bytes for IPv4 (including IPv4-mapped IPv6, ::ffff:a.b.c.d), 16 for other IPv6,
     *         or null when the text is not an address literal. Zone ids (%eth0) are rejected, and
     *         so are IPv4 parts with leading zeros, which some parsers read as octal.
     */
    static byte[] parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            return parseIpv4(text);
        }
        byte[] v6 = parseIpv6(text);
        return v6 != null && isIpv4Mapped(v6) ? Arrays.copyOfRange(v6, 12, 16) : v6;
    }

    static boolean isIpv4Mapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
    }

    /** Parses exactly the IPv6 form (without the IPv4-mapped folding of {@link #parse}). */
    static byte[] parseIpv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        byte[] out = new byte[16];
        if (gap < 0) {
            return fillGroups(text, out, false) == 16 ? out : null;
        }
        byte[] head = new byte[16];
        byte[] tail = new byte[16];
        int headBytes = fillGroups(text.substring(0, gap), head, true);
        int tailBytes = fillGroups(text.substring(gap + 2), tail, false);
        // "::" stands for at least one all-zero group.
        if (headBytes < 0 || tailBytes < 0 || headBytes + tailBytes > 14) {
            return null;
        }
        System.arraycopy(head, 0, out, 0, headBytes);
        System.arraycopy(tail, 0, out, 16 - tailBytes, tailBytes);
        return out;
    }

    /**
     * Writes colon-separated hex groups (the last may be a dotted IPv4 address unless this is the
     * part before "::") into {@code out}; returns the number of bytes written, or -1 if malformed.
     */
    private static int fillGroups(String part, byte[] out, boolean beforeGap) {
        if (part.isEmpty()) {
            return 0;
        }
        String[] groups = part.split(":", -1);
        int n = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (i == groups.length - 1 && !beforeGap && g.indexOf('.') >= 0) {
                byte[] v4 = parseIpv4(g);
                if (v4 == null || n + 4 > 16) {
                    return -1;
                }
                System.arraycopy(v4, 0, out, n, 4);
                return n + 4;
            }
            int value = parseHexGroup(g);
            if (value < 0 || n + 2 > 16) {
                return -1;
            }
            out[n++] = (byte) (value >>> 8);
            out[n++] = (byte) value;
        }
        return n;
    }

    private static int parseHexGroup(String g) {
        if (g.isEmpty() || g.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < g.length(); i++) {
            int digit = hexDigit(g.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    // ASCII only: Character.digit would also accept non-ASCII digits such as fullwidth ones.
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    static byte[] parseIpv4(String text) {
        byte[] out = new byte[4];
        int part = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '.') {
                continue;
            }
            int value = parseDecimalOctet(text, start, i);
            if (value < 0 || part == 4) {
                return null;
            }
            out[part++] = (byte) value;
            start = i + 1;
        }
        return part == 4 ? out : null;
    }

    private static int parseDecimalOctet(String text, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 3 || (length > 1 && text.charAt(from) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 ? value : -1;
    }
}
