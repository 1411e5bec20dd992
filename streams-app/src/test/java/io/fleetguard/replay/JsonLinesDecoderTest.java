package io.fleetguard.replay;

import io.fleetguard.feed.JsonLines;
import io.fleetguard.schema.AlertActivity;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.DayOfWeek;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.schema.RemoteSupportSession;
import io.fleetguard.schema.Severity;
import io.fleetguard.sim.ActivityGenerator;
import io.fleetguard.sim.SimEvent;
import io.fleetguard.sim.SimulationOptions;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aCredential;
import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.aSupportSession;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonLinesDecoderTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final JsonLinesDecoder<AuthEvent> auth = JsonLinesDecoder.of(AuthEvent.class);
    private final JsonLinesDecoder<DeviceIdentity> registry = JsonLinesDecoder.of(DeviceIdentity.class);

    @Test
    void shouldInvertTheEncoderForEverySimulatedRecord() throws Exception {
        // Given a simulated history with every input and every incident type
        List<SimEvent> events = ActivityGenerator.stream(SimulationOptions.builder().seed(3).devices(60)
                .incidentRate(0.2).build()).limit(3_000).filter(e -> e.value() != null).toList();

        // When each record is encoded and decoded again, Then it is equal to the original
        for (SimEvent e : events) {
            SpecificRecord original = e.value();
            assertThat(decoderFor(original).decode(JsonLines.encode(original))).as(JsonLines.encode(original)).isEqualTo(original);
        }
        assertThat(events).extracting(SimEvent::stream).contains(SimEvent.Stream.values());
    }

    @Test
    void shouldInvertTheEncoderForAlertsWithMapsAndArrays() throws Exception {
        IdentityAlert alert = IdentityAlert.newBuilder().setAlertId("a1").setType(AlertType.UNKNOWN_DEVICE)
                .setCategory("unknown device").setSeverity(Severity.HIGH).setActivity(AlertActivity.NEW).setDeviceId("cam-1")
                .setSubject("cam-1").setEventTime(T0).setFirstSeen(T0).setLastSeen(T0).setCount(1).setSummary("s \"quoted\"\n")
                .setEvidence(Map.of("sourceIp", "10.0.0.1", "ünïcode", "✓")).setTriggeringEventIds(List.of("e1", "e2"))
                .setOwner(null).setDeviceClass("camera").setAttackTechniques(List.of("T1078")).setOwaspNhi(List.of())
                .setNistCsf(List.of("ID.AM-01")).setRecommendedAction("act").setRuleVersion("1").build();

        assertThat(JsonLinesDecoder.of(IdentityAlert.class).decode(JsonLines.encode(alert))).isEqualTo(alert);
    }

    @Test
    void shouldInvertTheEncoderForTimesOfDayAndNestedRecords() throws Exception {
        DeviceIdentity device = aDevice("plc-1").updatedAt(T0)
                .withCredential(aCredential("fp-1").issuedAt(T0.minusSeconds(60)).expiresAt(T0.plusSeconds(3600)).revoked())
                .withMaintenanceWindow(DayOfWeek.SUNDAY, LocalTime.of(22, 0), LocalTime.of(2, 30, 15, 250_000_000)).build();

        assertThat(registry.decode(JsonLines.encode(device))).isEqualTo(device);
    }

    @Test
    void shouldAcceptEpochMillisAndIsoWithOffsetForTimestamps() throws Exception {
        String iso = line(T0.toString());
        String millis = iso.replace("\"" + T0 + "\"", Long.toString(T0.toEpochMilli()));
        String offset = iso.replace("\"" + T0 + "\"", "\"2026-03-01T11:00:00+01:00\"");

        assertThat(auth.decode(millis)).isEqualTo(auth.decode(iso));
        assertThat(auth.decode(offset).getTimestamp()).isEqualTo(T0);
    }

    @Test
    void shouldTreatOmittedAndNullOptionalFieldsAlike() throws Exception {
        String omitted = "{\"eventId\":\"e1\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"deviceId\":\"cam-1\","
                + "\"method\":\"MTLS\",\"outcome\":\"SUCCESS\"}";
        String nulls = omitted.replace("}", ",\"principal\":null,\"gatewayId\":null}");

        AuthEvent e = auth.decode(omitted);
        assertThat(auth.decode(nulls)).isEqualTo(e);
        assertThat(e.getPrincipal()).isNull();
        assertThat(e.getOrigin()).isEqualTo("native"); // the schema default
    }

    @Test
    void shouldRejectUnknownFieldsNamingThem() {
        assertThatThrownBy(() -> auth.decode(line(T0.toString()).replace("\"timestamp\"", "\"timestmap\"")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("unknown field 'timestmap'");
        assertThatThrownBy(() -> auth.decode(line(T0.toString()).replace("\"timestamp\":\"" + T0 + "\",", "")))
                .hasMessage("field 'timestamp': is required by AuthEvent but missing");
        assertThatThrownBy(() -> auth.decode(line(T0.toString()).replace("}", ",\"colour\":\"red\"}")))
                .hasMessageContaining("unknown field 'colour'").hasMessageContaining("check the spelling");
    }

    @Test
    void shouldNameTheFieldPathOfANestedProblem() {
        String json = JsonLines.encode(aDevice("plc-1").updatedAt(T0).withCredential(aCredential("fp-0"))
                .withCredential(aCredential("fp-1").issuedAt(T0)).build())
                .replace("\"issuedAt\":\"" + T0 + "\"", "\"issuedAt\":\"yesterday\"");

        assertThatThrownBy(() -> registry.decode(json))
                .hasMessage("field 'credentials[1].issuedAt': not an ISO-8601 timestamp (e.g. 2026-03-01T10:00:00Z)");
    }

    @Test
    void shouldRejectWrongTypesEnumsAndPrecision() {
        assertThatThrownBy(() -> auth.decode(line(T0.toString()).replace("\"MTLS\"", "\"MTSL\"")))
                .hasMessage("field 'method': expected one of [MTLS, TOKEN, PASSWORD, PSK, NONE], got another string");
        assertThatThrownBy(() -> auth.decode(line(T0.toString()).replace("\"cam-1\"", "7")))
                .hasMessage("field 'deviceId': expected a string, got an integer");
        assertThatThrownBy(() -> auth.decode(line("2026-03-01T10:00:00.000001Z")))
                .hasMessage("field 'timestamp': timestamp is more precise than milliseconds");
        assertThatThrownBy(() -> auth.decode(line(T0.toString()).replace("}", ",\"deviceId\":\"x\"}")))
                .hasMessageStartingWith("not valid JSON at column");
        assertThatThrownBy(() -> auth.decode("[1,2]")).hasMessage("expected an object (AuthEvent), got an array");
        assertThatThrownBy(() -> JsonLinesDecoder.of(RemoteSupportSession.class).decode(
                JsonLines.encode(aSupportSession("s1", "cam-1", T0).build()).replace("\"startedAt\"", "\"endedAt\":\"10:00\",\"startedAt\"")))
                .hasMessageContaining("field 'endedAt'");
    }

    @Test
    void shouldParseTimesOfDayToTheMillisecondOnly() {
        String json = JsonLines.encode(aDevice("plc-1").updatedAt(T0)
                .withMaintenanceWindow(DayOfWeek.MONDAY, LocalTime.of(1, 0), LocalTime.of(2, 0)).build());

        assertThatThrownBy(() -> registry.decode(json.replace("\"02:00\"", "\"2h\"")))
                .hasMessage("field 'maintenanceWindows[0].endUtc': not a time of day HH:mm[:ss[.SSS]]");
        assertThatThrownBy(() -> registry.decode(json.replace("\"02:00\"", "\"02:00:00.0001\"")))
                .hasMessageContaining("maintenanceWindows[0].endUtc");
    }

    private static String line(String timestamp) {
        return JsonLines.encode(anAuthEvent("e1", "cam-1", T0).withFingerprint("fp-1").build())
                .replace("\"" + T0 + "\"", "\"" + timestamp + "\"");
    }

    @SuppressWarnings("unchecked")
    private static JsonLinesDecoder<SpecificRecord> decoderFor(SpecificRecord r) {
        return (JsonLinesDecoder<SpecificRecord>) (JsonLinesDecoder<?>) JsonLinesDecoder.of(r.getClass());
    }
}
