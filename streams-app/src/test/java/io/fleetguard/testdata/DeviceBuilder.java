package io.fleetguard.testdata;

import io.fleetguard.schema.Credential;
import io.fleetguard.schema.DayOfWeek;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.DeviceStatus;
import io.fleetguard.schema.MaintenanceWindow;
import io.fleetguard.schema.TrustTier;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link DeviceIdentity}; defaults: class "camera", owner "ops-team", ACTIVE, MTLS_CERT,
 * no credentials, every allow-list empty (not enforced), updated at {@link Builders#EPOCH}.
 */
public final class DeviceBuilder {

    private final DeviceIdentity.Builder device;
    private final List<Credential> credentials = new ArrayList<>();
    private final List<String> allowedDataPaths = new ArrayList<>();
    private final List<String> allowedGateways = new ArrayList<>();
    private final List<String> allowedSourceCidrs = new ArrayList<>();
    private final List<String> approvedSupportVendors = new ArrayList<>();
    private final List<MaintenanceWindow> maintenanceWindows = new ArrayList<>();

    DeviceBuilder(String deviceId) {
        device = DeviceIdentity.newBuilder()
                .setDeviceId(deviceId)
                .setDeviceClass("camera")
                .setOwner("ops-team")
                .setStatus(DeviceStatus.ACTIVE)
                .setTrustTier(TrustTier.MTLS_CERT)
                .setExpectedFirmware(null)
                .setUpdatedAt(Builders.EPOCH);
    }

    public DeviceBuilder withDeviceClass(String deviceClass) {
        device.setDeviceClass(deviceClass);
        return this;
    }

    /** @param owner the accountable owner, or null for an orphaned device */
    public DeviceBuilder withOwner(String owner) {
        device.setOwner(owner);
        return this;
    }

    public DeviceBuilder withStatus(DeviceStatus status) {
        device.setStatus(status);
        return this;
    }

    public DeviceBuilder withTrustTier(TrustTier trustTier) {
        device.setTrustTier(trustTier);
        return this;
    }

    public DeviceBuilder withCredential(CredentialBuilder credential) {
        return withCredential(credential.build());
    }

    public DeviceBuilder withCredential(Credential credential) {
        credentials.add(credential);
        return this;
    }

    public DeviceBuilder withAllowedDataPaths(String... paths) {
        allowedDataPaths.addAll(List.of(paths));
        return this;
    }

    public DeviceBuilder withAllowedGateways(String... gatewayIds) {
        allowedGateways.addAll(List.of(gatewayIds));
        return this;
    }

    public DeviceBuilder withAllowedSourceCidrs(String... cidrs) {
        allowedSourceCidrs.addAll(List.of(cidrs));
        return this;
    }

    public DeviceBuilder withExpectedFirmware(String firmware) {
        device.setExpectedFirmware(firmware);
        return this;
    }

    public DeviceBuilder withApprovedSupportVendors(String... vendors) {
        approvedSupportVendors.addAll(List.of(vendors));
        return this;
    }

    /** Adds a weekly UTC window; an end before the start runs past midnight. */
    public DeviceBuilder withMaintenanceWindow(DayOfWeek day, LocalTime startUtc, LocalTime endUtc) {
        maintenanceWindows.add(new MaintenanceWindow(day, startUtc, endUtc));
        return this;
    }

    public DeviceBuilder updatedAt(Instant updatedAt) {
        device.setUpdatedAt(updatedAt);
        return this;
    }

    public DeviceIdentity build() {
        return device
                .setCredentials(new ArrayList<>(credentials))
                .setAllowedDataPaths(new ArrayList<>(allowedDataPaths))
                .setAllowedGateways(new ArrayList<>(allowedGateways))
                .setAllowedSourceCidrs(new ArrayList<>(allowedSourceCidrs))
                .setApprovedSupportVendors(new ArrayList<>(approvedSupportVendors))
                .setMaintenanceWindows(new ArrayList<>(maintenanceWindows))
                .build();
    }
}
