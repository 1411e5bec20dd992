package io.fleetguard.sim;

import java.util.Locale;

/**
 * Where device i sits, computed from i alone. Devices come in cells of {@value #CELL}: the first
 * is the cell's gateway (the 5 % gateway share), and in every even cell offsets 1 to 3 are
 * reserved for stale, lapsed and expiring credentials. Cells are dealt round-robin to sites of
 * about a hundred devices, each site owning 10.&lt;site&gt;.0.0/16.
 */
final class FleetLayout {

    static final int CELL = 20;
    static final int STALE_OFFSET = 1;
    static final int LAPSED_OFFSET = 2;
    static final int EXPIRING_OFFSET = 3;
    /** How many expiry cohorts the expiring devices are spread over (see CredentialIssuer). */
    static final int EXPIRING_COHORTS = 15;
    private static final int DEVICES_PER_SITE = 100;
    private static final int MAX_SITES = 250;
    // Host numbers below this are left to site infrastructure; above UNREGISTERED_HOSTS to strangers.
    private static final int FIRST_HOST = 10;
    static final int UNREGISTERED_HOSTS = 20_000;

    private final int devices;
    private final int sites;

    FleetLayout(int devices) {
        this.devices = devices;
        this.sites = Math.max(1, Math.min(MAX_SITES, (devices + DEVICES_PER_SITE - 1) / DEVICES_PER_SITE));
    }

    int devices() {
        return devices;
    }

    int sites() {
        return sites;
    }

    /** Site number, 1-based, for device index i. */
    int site(int index) {
        return 1 + (index / CELL) % sites;
    }

    String siteName(int site) {
        return String.format(Locale.ROOT, "site-%03d", site);
    }

    String cidr(int site) {
        return "10." + site + ".0.0/16";
    }

    /** Device i's fixed address, unique within its site's /16. */
    String ip(int index) {
        int host = (index / CELL / sites) * CELL + index % CELL + FIRST_HOST;
        return address(site(index), host);
    }

    String address(int site, int host) {
        return "10." + site + "." + (host >> 8) + "." + (host & 0xFF);
    }

    String brokerId(int site) {
        return "mqtt-" + (1 + (site - 1) % 3);
    }

    int gatewayOf(int index) {
        return index - index % CELL;
    }

    DeviceRole role(int index) {
        int offset = index % CELL;
        if (offset == 0) {
            return DeviceRole.GATEWAY;
        }
        if ((index / CELL) % 2 != 0) {
            return DeviceRole.NORMAL;
        }
        return switch (offset) {
            case STALE_OFFSET -> DeviceRole.STALE;
            case LAPSED_OFFSET -> DeviceRole.LAPSED;
            case EXPIRING_OFFSET -> DeviceRole.EXPIRING;
            default -> DeviceRole.NORMAL;
        };
    }

    /** How many even cells hold a device at this offset. */
    int reservedCount(int offset) {
        return devices <= offset ? 0 : (devices - 1 - offset) / (2 * CELL) + 1;
    }

    /** The device at this offset of the n-th even cell. */
    int reservedIndex(int n, int offset) {
        return n * 2 * CELL + offset;
    }

    /** Expiring devices of the n-th even cell belong to cohort n mod {@value #EXPIRING_COHORTS}. */
    static int expiringCohort(int index) {
        return (index / CELL / 2) % EXPIRING_COHORTS;
    }
}
