package io.fleetguard.detect;

import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 network written as CIDR ("10.0.0.0/8", "2001:db8::/32") or as a bare address
 * (a /32 or /128), parsed without name resolution.
 */
public final class CidrBlock {

    private final byte[] network;
    private final int prefixLength;

    private CidrBlock(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Parses a CIDR or bare address; host bits after the prefix are ignored ("10.1.2.3/8" is
     * 10.0.0.0/8). An IPv4-mapped IPv6 block with a prefix of at least 96 becomes the IPv4 block.
     *
     * @return the block, or empty when the text is not a valid CIDR
     */
    public static Optional<CidrBlock> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        boolean ipv6Text = address.indexOf(':') >= 0;
        byte[] bytes = ipv6Text ? IpLiteral.parseIpv6(address) : IpLiteral.parseIpv4(address);
        if (bytes == null) {
            return Optional.empty();
        }
        int maxPrefix = bytes.length * 8;
        int prefix = slash < 0 ? maxPrefix : parsePrefix(trimmed.substring(slash + 1), maxPrefix);
        if (prefix < 0) {
            return Optional.empty();
        }
        if (ipv6Text && prefix >= 96 && IpLiteral.isIpv4Mapped(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
            prefix -= 96;
        }
        return Optional.of(new CidrBlock(mask(bytes, prefix), prefix));
    }

    /** @return true when ip is an address literal inside this block; false for anything unparseable */
    public boolean contains(String ip) {
        return ip != null && contains(IpLiteral.parse(ip.strip()));
    }

    boolean contains(byte[] address) {
        if (address == null || address.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int byteMask = 0xff << (8 - remainingBits) & 0xff;
        return (address[fullBytes] & byteMask) == (network[fullBytes] & 0xff);
    }

    public boolean isIpv4() {
        return network.length == 4;
    }

    public int prefixLength() {
        return prefixLength;
    }

    private static int parsePrefix(String text, int maxPrefix) {
        if (text.isEmpty() || text.length() > 3 || (text.length() > 1 && text.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= maxPrefix ? value : -1;
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] masked = bytes.clone();
        for (int bit = prefix; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return masked;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CidrBlock other
                && prefixLength == other.prefixLength && Arrays.equals(network, other.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return formatNetwork() + "/" + prefixLength;
    }

    private String formatNetwork() {
        StringBuilder sb = new StringBuilder();
        if (isIpv4()) {
            for (int i = 0; i < 4; i++) {
                sb.append(i == 0 ? "" : ".").append(network[i] & 0xff);
            }
            return sb.toString();
        }
        // Full, uncompressed form: unambiguous and enough for logs and evidence.
        for (int i = 0; i < 16; i += 2) {
            sb.append(i == 0 ? "" : ":").append(Integer.toHexString((network[i] & 0xff) << 8 | network[i + 1] & 0xff));
        }
        return sb.toString();
    }
}
