package io.fleetguard.ingest;

/**
 * The IP of an EMQX peername. EMQX writes the address, a colon and the port, without brackets
 * even for IPv6 ("10.0.0.1:5000", "2001:db8::1:5000"), so the port is whatever follows the last
 * colon; a bracketed form is accepted too.
 */
final class Peer {

    private Peer() {
    }

    static String ip(String peername) {
        String p = peername == null ? null : peername.strip();
        if (p == null || p.isEmpty()) {
            return null;
        }
        if (p.startsWith("[")) {
            int close = p.indexOf(']');
            return close > 1 ? p.substring(1, close) : p;
        }
        int colon = p.lastIndexOf(':');
        boolean portFollows = colon > 0 && colon < p.length() - 1
                && p.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9');
        return portFollows ? p.substring(0, colon) : p;
    }
}
