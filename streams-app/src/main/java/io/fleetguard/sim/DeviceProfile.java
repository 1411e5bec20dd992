package io.fleetguard.sim;

import io.fleetguard.schema.CredentialType;
import io.fleetguard.schema.DeviceStatus;
import io.fleetguard.schema.TrustTier;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The random choices that make device i what it is, drawn from its own (seed, i) stream.
 *
 * @param owner          null for the few orphaned devices
 * @param history        whether the registry keeps an earlier, rotated-out credential
 * @param historyRevoked whether that earlier credential was also revoked
 * @param https          whether the device may also post to the HTTPS ingest endpoint
 */
record DeviceProfile(int index, String deviceId, DeviceClass deviceClass, DeviceRole role, int site,
                     String owner, DeviceStatus status, TrustTier trustTier, CredentialType credentialType,
                     boolean history, boolean historyRevoked, boolean https) {

    static final List<String> TEAMS = List.of(
            "ot-platform", "facilities", "video-security", "manufacturing", "logistics", "energy-management");

    static DeviceProfile of(FleetLayout layout, long seed, int index) {
        SplittableRandom random = Seeds.random(seed, Seeds.PROFILE, index);
        DeviceRole role = layout.role(index);
        DeviceClass deviceClass = deviceClass(role, random.nextInt(95));
        // Gateways and reserved devices are always active and owned, so only incidents make them alert.
        boolean managed = role != DeviceRole.NORMAL;
        String owner = !managed && random.nextInt(100) < 3 ? null : TEAMS.get(random.nextInt(TEAMS.size()));
        DeviceStatus status = managed ? DeviceStatus.ACTIVE : status(random.nextInt(100));
        TrustTier tier = trustTier(deviceClass, role, random.nextInt(100));
        boolean history = (role == DeviceRole.NORMAL || role == DeviceRole.GATEWAY) && random.nextInt(10) < 3;
        boolean historyRevoked = history && random.nextInt(4) == 0;
        boolean https = deviceClass == DeviceClass.CAMERA && random.nextInt(4) == 0;
        return new DeviceProfile(index, deviceClass.deviceId(index), deviceClass, role, layout.site(index), owner,
                status, tier, credentialType(deviceClass, tier), history, historyRevoked, https);
    }

    /** True when normal traffic may use the device without raising any alert. */
    boolean eligible() {
        return (role == DeviceRole.NORMAL || role == DeviceRole.GATEWAY)
                && status == DeviceStatus.ACTIVE && owner != null;
    }

    /** True when the device connects to the broker itself rather than through its gateway. */
    boolean direct() {
        return trustTier != TrustTier.GATEWAY_MEDIATED;
    }

    // Weights camera 35, sensor 45, plc 15 out of the 95 % that are not gateways; reserved
    // expired and expiring devices hold certificates, so they are cameras or PLCs.
    private static DeviceClass deviceClass(DeviceRole role, int roll) {
        return switch (role) {
            case GATEWAY -> DeviceClass.GATEWAY;
            case LAPSED, EXPIRING -> roll < 66 ? DeviceClass.CAMERA : DeviceClass.PLC;
            default -> roll < 35 ? DeviceClass.CAMERA : roll < 80 ? DeviceClass.SENSOR : DeviceClass.PLC;
        };
    }

    private static DeviceStatus status(int roll) {
        if (roll < 94) {
            return DeviceStatus.ACTIVE;
        }
        return roll < 96 ? DeviceStatus.PROVISIONED : roll < 98 ? DeviceStatus.SUSPENDED
                : roll < 99 ? DeviceStatus.RETIRED : DeviceStatus.DECOMMISSIONED;
    }

    private static TrustTier trustTier(DeviceClass deviceClass, DeviceRole role, int roll) {
        boolean certificateRole = role == DeviceRole.LAPSED || role == DeviceRole.EXPIRING;
        return switch (deviceClass) {
            case GATEWAY, PLC -> TrustTier.MTLS_CERT;
            case CAMERA -> certificateRole || roll < 60 ? TrustTier.MTLS_CERT : TrustTier.PASSWORD;
            // A PSK sensor is in the PASSWORD tier: a shared secret, whatever the protocol calls it.
            case SENSOR -> roll < 40 ? TrustTier.TOKEN
                    : roll < 65 || role != DeviceRole.NORMAL ? TrustTier.PASSWORD : TrustTier.GATEWAY_MEDIATED;
        };
    }

    private static CredentialType credentialType(DeviceClass deviceClass, TrustTier tier) {
        return switch (tier) {
            case MTLS_CERT -> CredentialType.X509_CERT;
            case TOKEN -> CredentialType.API_TOKEN;
            case PASSWORD -> deviceClass == DeviceClass.SENSOR ? CredentialType.PSK : CredentialType.PASSWORD;
            // The sensor-to-gateway link key; never presented to the broker.
            case GATEWAY_MEDIATED -> CredentialType.PSK;
        };
    }
}
