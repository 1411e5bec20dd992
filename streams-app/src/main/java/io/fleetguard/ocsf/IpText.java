package io.fleetguard.ocsf;

import java.util.regex.Pattern;

/**
 * Whether a string is an IPv4 or IPv6 literal, checked textually (never via {@code InetAddress},
 * which may resolve names). Only literals go where OCSF expects its {@code ip_t} type; anything
 * else stays as plain evidence text.
 */
final class IpText {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    // ip_t's documented maximum length
    private static final int MAX_LENGTH = 40;

    private IpText() {
    }

    static boolean isLiteral(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_LENGTH) {
            return false;
        }
        return s.indexOf(':') < 0 ? IPV4.matcher(s).matches() : isIpv6(s);
    }

    private static boolean isIpv6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        int groups = 0;
        String[] parts = (gap < 0 ? s : s.substring(0, gap) + ":" + s.substring(gap + 2)).split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean edgeOfGap = part.isEmpty() && gap >= 0 && (i == 0 || i == parts.length - 1);
            if (edgeOfGap) {
                continue;
            }
            if (i == parts.length - 1 && part.indexOf('.') >= 0 && IPV4.matcher(part).matches()) {
                groups += 2;
            } else if (HEX_GROUP.matcher(part).matches()) {
                groups++;
            } else {
                return false;
            }
        }
        return gap < 0 ? groups == 8 : groups < 8;
    }
}
