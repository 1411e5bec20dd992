package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.AuthMethod;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.fleetguard.testdata.Builders.aDevice;
import static io.fleetguard.testdata.Builders.anAuthEvent;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

class ClientIdTakeoverDetectorTest {

    private static final Instant T = Instant.parse("2026-06-01T12:00:00Z");
    private final Detector detector = new ClientIdTakeoverDetector();
    private final DeviceIdentity device = aDevice("sensor-0002").build();

    private static Activity displaced(String reason) {
        return anAuthEvent("e1", "sensor-0002", T).withPrincipal("sensor-0002").withSourceIp("10.1.2.3")
                .withMethod(AuthMethod.PASSWORD).failure(reason).toActivity();
    }

    @Test
    void shouldRaiseClonedIdentityNamingBothPrincipalsAndAddresses() {
        // When
        List<Finding> findings = detector.detect(displaced("client-id-takeover: by sensor-0001 from 10.6.6.6 via PASSWORD"),
                device, Policy.defaults());

        // Then
        assertThat(findings).containsExactly(new Finding(AlertType.CLONED_IDENTITY, Severity.HIGH, "client-id:sensor-0002",
                "Client id sensor-0002 of device sensor-0002 was taken over by sensor-0001 from 10.6.6.6 via PASSWORD, "
                        + "displacing sensor-0002 from 10.1.2.3 via PASSWORD",
                Map.ofEntries(entry("activity", "AUTH"), entry("eventId", "e1"), entry("reason", "client-id-takeover"),
                        entry("clientId", "sensor-0002"), entry("brokerId", "broker-1"),
                        entry("displacedPrincipal", "sensor-0002"), entry("displacedSourceIp", "10.1.2.3"),
                        entry("displacedMethod", "PASSWORD"), entry("takenOverBy", "sensor-0001"),
                        entry("takenOverFrom", "10.6.6.6"), entry("takenOverVia", "PASSWORD"))));
    }

    @ParameterizedTest(name = "{0}: takeover = {1}")
    @CsvSource({
            "'client-id-takeover: by sensor-0002 from 10.1.2.99 via PASSWORD', false",
            "'client-id-takeover: by sensor-0002 from 10.1.3.4 via PASSWORD', true",
            "'client-id-takeover: by sensor-0002 from 10.1.2.3 via MTLS', true",
            "'client-id-takeover: by an anonymous client from 10.1.2.3 via NONE', true"})
    void shouldTellAReconnectFromATakeover(String reason, boolean takeover) {
        assertThat(detector.detect(displaced(reason), device, Policy.defaults())).hasSize(takeover ? 1 : 0);
    }

    @Test
    void shouldGiveNoVerdictWithoutTheNewcomerOrForOtherEvents() {
        // EMQX and AWS IoT name only the reason; other failures and successes are not takeovers
        assertThat(detector.detect(displaced("client-id-takeover: DUPLICATE_CLIENTID"), device, Policy.defaults())).isEmpty();
        assertThat(detector.detect(displaced("bad password"), device, Policy.defaults())).isEmpty();
        assertThat(detector.detect(displaced("client-id-takeover: by x from 10.6.6.6 via PASSWORD"), null,
                Policy.defaults())).isEmpty();
        assertThat(detector.detect(anAuthEvent("e2", "sensor-0002", T).success().toActivity(), device,
                Policy.defaults())).isEmpty();
    }
}
