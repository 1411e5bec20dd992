package io.fleetguard.topology;

import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.IdentityAlert;

/**
 * What the cross-device sub-topology reads from its one repartition topic ({@code cross-device-inputs}):
 * each record is keyed by what its consumer groups by, not by device.
 * <ul>
 *   <li>{@link Auth}: a failed authentication keyed by source address (spraying), or a successful one
 *       keyed by credential fingerprint (sharing);</li>
 *   <li>{@link Owner}: a registry entry's credential, keyed by fingerprint, naming the device it is
 *       registered to (the {@code credential-owners} table);</li>
 *   <li>{@link ForeignAlert}: an alert about a credential the device does not hold, keyed by that
 *       fingerprint, to be told who owns it.</li>
 * </ul>
 * One topic instead of one per kind keeps the sub-topology's tasks on one partition each (Kafka
 * Streams works per empty partition of a task on every record and every idle pass).
 */
sealed interface CrossDeviceInput {

    /** The byte {@link CrossDeviceSerde} writes first. */
    byte tag();

    record Auth(AuthEvent event) implements CrossDeviceInput {
        @Override
        public byte tag() {
            return 0;
        }
    }

    record Owner(String deviceId) implements CrossDeviceInput {
        @Override
        public byte tag() {
            return 1;
        }
    }

    record ForeignAlert(IdentityAlert alert) implements CrossDeviceInput {
        @Override
        public byte tag() {
            return 2;
        }
    }
}
