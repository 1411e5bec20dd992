package io.fleetguard.detect;

import java.util.List;
import java.util.Optional;

/** Decides whether a source IP lies inside any of a device's allowed source networks. */
public final class SourceCidrs {

    private SourceCidrs() {
    }

    /**
     * @return true when ip is inside one of the CIDRs; unparseable CIDR entries are ignored and
     *         an unparseable ip matches nothing
     */
    public static boolean contains(List<String> cidrs, String ip) {
        byte[] address = ip == null ? null : IpLiteral.parse(ip.strip());
        if (address == null) {
            return false;
        }
        for (String cidr : cidrs) {
            Optional<CidrBlock> block = CidrBlock.parse(cidr);
            if (block.isPresent() && block.get().contains(address)) {
                return true;
            }
        }
        return false;
    }
}
