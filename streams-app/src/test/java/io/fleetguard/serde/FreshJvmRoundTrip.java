package io.fleetguard.serde;

import io.fleetguard.schema.DeviceIdentity;
import org.apache.avro.specific.SpecificData;

import java.util.Arrays;
import java.util.Map;

/**
 * Run by {@link AvroClassTrustTest} in its own JVM without
 * {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES}: shows that plain Avro refuses the generated
 * classes there and that the serde still round-trips them.
 */
public final class FreshJvmRoundTrip {

    static final String EXPECTED = "property=null plainAvroRefused=true roundTrip=true";

    private FreshJvmRoundTrip() {
    }

    public static void main(String[] args) {
        String property = System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES");
        boolean plainAvroRefused;
        try {
            new SpecificData().getClass(DeviceIdentity.getClassSchema());
            plainAvroRefused = false;
        } catch (SecurityException expected) {
            plainAvroRefused = true;
        }
        SpecificAvroSerde<DeviceIdentity> serde = new SpecificAvroSerde<>(new MockSchemaRegistry("mock://fresh"));
        serde.configure(Map.of(), false);
        DeviceIdentity device = FleetRecords.aFullyDescribedDevice();
        byte[] bytes = serde.serializer().serialize("t", device);
        DeviceIdentity back = serde.deserializer().deserialize("t", bytes);
        // Same bytes again means same content, without relying on Avro's array equals.
        boolean roundTrip = Arrays.equals(bytes, serde.serializer().serialize("t", back));
        System.out.println("property=" + property + " plainAvroRefused=" + plainAvroRefused + " roundTrip=" + roundTrip);
    }
}
