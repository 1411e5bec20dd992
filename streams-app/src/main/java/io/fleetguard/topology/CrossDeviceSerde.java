package io.fleetguard.topology;

import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.IdentityAlert;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;

/**
 * The values of {@code cross-device-inputs}: a byte naming the kind ({@link CrossDeviceInput#tag()}),
 * then an authentication exactly as the auth topic's serde writes it, a device id in UTF-8, or an
 * alert exactly as the alert topic's serde writes it. The Avro parts are written under their own
 * topics' subjects, so the repartition topic needs no subject of its own, and a record written
 * before an upgrade is read with the schema it was written with.
 */
final class CrossDeviceSerde implements Serde<CrossDeviceInput> {

    private final TopicSpec<String, AuthEvent> auth;
    private final TopicSpec<String, IdentityAlert> alerts;

    CrossDeviceSerde(TopicSpec<String, AuthEvent> auth, TopicSpec<String, IdentityAlert> alerts) {
        this.auth = auth;
        this.alerts = alerts;
    }

    @Override
    public Serializer<CrossDeviceInput> serializer() {
        return (topic, value) -> value == null ? null : KindByte.prefixed(value.tag(), inner(value));
    }

    private byte[] inner(CrossDeviceInput value) {
        if (value instanceof CrossDeviceInput.Auth a) {
            return auth.valueSerde().serializer().serialize(auth.name(), a.event());
        }
        if (value instanceof CrossDeviceInput.Owner o) {
            return o.deviceId().getBytes(StandardCharsets.UTF_8);
        }
        return alerts.valueSerde().serializer().serialize(alerts.name(), ((CrossDeviceInput.ForeignAlert) value).alert());
    }

    @Override
    public Deserializer<CrossDeviceInput> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length < 2) {
                throw new SerializationException("Not a cross-device input of topic '" + topic + "': " + bytes.length + " bytes");
            }
            byte[] inner = KindByte.rest(bytes);
            return switch (bytes[0]) {
                case 0 -> new CrossDeviceInput.Auth(auth.valueSerde().deserializer().deserialize(auth.name(), inner));
                case 1 -> new CrossDeviceInput.Owner(new String(inner, StandardCharsets.UTF_8));
                case 2 -> new CrossDeviceInput.ForeignAlert(alerts.valueSerde().deserializer().deserialize(alerts.name(), inner));
                default -> throw new SerializationException("Not a cross-device input of topic '" + topic + "': kind byte "
                        + bytes[0] + " of " + bytes.length + " bytes");
            };
        };
    }
}
