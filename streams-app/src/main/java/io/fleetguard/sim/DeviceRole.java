package io.fleetguard.sim;

/**
 * What a device is for in the simulation. Devices reserved for an incident are never used by
 * normal traffic: their registry records are built to make each use raise exactly that incident.
 */
enum DeviceRole {
    /** The first device of each cell; relays telemetry for the cell's gateway-mediated sensors. */
    GATEWAY,
    NORMAL,
    /** Holds a credential older than its rotation limit that neither expires nor is expiring. */
    STALE,
    /** Holds a young certificate that has already expired. */
    LAPSED,
    /** Holds a young certificate that enters its expiring window during its cohort's stretch of the run. */
    EXPIRING
}
