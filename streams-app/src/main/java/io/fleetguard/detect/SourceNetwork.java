package io.fleetguard.detect;

/** The network a source address belongs to, for "two networks at once": IPv4 /24, IPv6 /64. */
public final class SourceNetwork {

    private SourceNetwork() {
    }

    /** e.g. "203.0.113.0/24" or "2001:db8:1:2::/64"; null when the text is not an IP literal. */
    public static String of(String ip) {
        byte[] a = ip == null ? null : IpLiteral.parse(ip);
        if (a == null) {
            return null;
        }
        if (a.length == 4) {
            return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + ".0/24";
        }
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g < 4; g++) {
            sb.append(Integer.toHexString(((a[2 * g] & 0xff) << 8) | (a[2 * g + 1] & 0xff))).append(':');
        }
        return sb.append(":/64").toString();
    }
}
