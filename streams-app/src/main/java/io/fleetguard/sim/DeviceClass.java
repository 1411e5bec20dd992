package io.fleetguard.sim;

import java.util.List;
import java.util.Locale;

/** The device classes of the simulated fleet, with their id prefix, firmware line and support vendors. */
enum DeviceClass {
    CAMERA("camera", "cam", List.of("4.2.1", "4.3.0"), List.of("optica-support")),
    SENSOR("sensor", "sen", List.of("2.8.0", "2.8.2"), List.of("sensit-support")),
    GATEWAY("gateway", "gw", List.of("5.1.3", "5.2.0"), List.of("edgenet-tac")),
    PLC("plc", "plc", List.of("3.4.0", "3.4.1"), List.of("controlsys-support", "acme-integrators"));

    private final String label;
    private final String prefix;
    private final List<String> firmware;
    private final List<String> supportVendors;

    DeviceClass(String label, String prefix, List<String> firmware, List<String> supportVendors) {
        this.label = label;
        this.prefix = prefix;
        this.firmware = firmware;
        this.supportVendors = supportVendors;
    }

    /** The value of DeviceIdentity.deviceClass. */
    String label() {
        return label;
    }

    String deviceId(long index) {
        return String.format(Locale.ROOT, "%s-%06d", prefix, index);
    }

    /**
     * Sites alternate between two firmware releases per class; the registry's expectedFirmware,
     * reported firmware and firmware changes all name releases the same way.
     */
    String firmware(int site) {
        return firmware.get(site % firmware.size());
    }

    /** The class's other firmware release: what a device of the site reports when it drifted. */
    String otherFirmware(int site) {
        return firmware.get((site + 1) % firmware.size());
    }

    /** A pilot build one patch above the site's release, which a rollback returns from. */
    String pilotFirmware(int site) {
        String release = firmware(site);
        int dot = release.lastIndexOf('.');
        return release.substring(0, dot + 1) + (Integer.parseInt(release.substring(dot + 1)) + 1);
    }

    List<String> supportVendors() {
        return supportVendors;
    }
}
