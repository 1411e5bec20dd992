package io.fleetguard.topology;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.IdentityAlert;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import static io.fleetguard.ocsf.AlertBuilder.anAlert;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrossDeviceSerdeTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String TOPIC = "app-cross-device-inputs-repartition";

    @TempDir
    Path stateDir;

    @Test
    void shouldCarryAuthenticationsUnderTheAuthTopicsSchema() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            CrossDeviceSerde serde = new CrossDeviceSerde(h.topics.authEvents(), h.topics.alerts());
            AuthEvent auth = anAuthEvent("e-1", "cam-1", T0).failure("bad password").withSourceIp("10.0.0.7").build();

            byte[] bytes = serde.serializer().serialize(TOPIC, new CrossDeviceInput.Auth(auth));

            assertThat(bytes[0]).isEqualTo((byte) 0);
            assertThat(Arrays.copyOfRange(bytes, 1, bytes.length))
                    .isEqualTo(h.topics.authEvents().valueSerde().serializer().serialize(h.topics.authEvents().name(), auth));
            assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(new CrossDeviceInput.Auth(auth));
        }
    }

    @Test
    void shouldCarryCredentialOwnersAsTheirDeviceIdInUtf8() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            CrossDeviceSerde serde = new CrossDeviceSerde(h.topics.authEvents(), h.topics.alerts());

            byte[] bytes = serde.serializer().serialize(TOPIC, new CrossDeviceInput.Owner("cam-é"));

            assertThat(bytes).isEqualTo(concat((byte) 1, "cam-é".getBytes(StandardCharsets.UTF_8)));
            assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(new CrossDeviceInput.Owner("cam-é"));
        }
    }

    @Test
    void shouldCarryAlertsUnderTheAlertTopicsSchema() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            CrossDeviceSerde serde = new CrossDeviceSerde(h.topics.authEvents(), h.topics.alerts());
            IdentityAlert alert = anAlert(AlertType.IMPERSONATED_TELEMETRY).build();

            byte[] bytes = serde.serializer().serialize(TOPIC, new CrossDeviceInput.ForeignAlert(alert));

            assertThat(bytes[0]).isEqualTo((byte) 2);
            assertThat(Arrays.copyOfRange(bytes, 1, bytes.length))
                    .isEqualTo(h.topics.alerts().valueSerde().serializer().serialize(h.topics.alerts().name(), alert));
            assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(new CrossDeviceInput.ForeignAlert(alert));
            assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
            assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
        }
    }

    @Test
    void shouldRejectBytesThatNameNoKind() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of())) {
            CrossDeviceSerde serde = new CrossDeviceSerde(h.topics.authEvents(), h.topics.alerts());

            assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {3, 0, 0, 0, 0, 1}))
                    .isInstanceOf(SerializationException.class)
                    .hasMessage("Not a cross-device input of topic 't': kind byte 3 of 6 bytes");
            assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {1}))
                    .isInstanceOf(SerializationException.class).hasMessage("Not a cross-device input of topic 't': 1 bytes");
        }
    }

    private static byte[] concat(byte first, byte[] rest) {
        byte[] out = new byte[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
