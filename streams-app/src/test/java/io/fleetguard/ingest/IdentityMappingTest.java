package io.fleetguard.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityMappingTest {

    private static final BrokerIdentity CERT = BrokerIdentity.ofCertificate("client-9", "sensor-0003.fleet.example");
    private static final BrokerIdentity PASSWORD = BrokerIdentity.ofPassword("client-9", "sensor-0001@fleet");

    @Test
    void shouldTakeTheConfiguredPartOfTheIdentity() {
        assertThat(IdentityMapping.of("clientId", null).deviceIdFor(PASSWORD)).isEqualTo("client-9");
        assertThat(IdentityMapping.of("username", "").deviceIdFor(PASSWORD)).isEqualTo("sensor-0001@fleet");
        assertThat(IdentityMapping.of("CN", null).deviceIdFor(CERT)).isEqualTo("sensor-0003.fleet.example");
        assertThat(IdentityMapping.of("principal", null).deviceIdFor(BrokerIdentity.ofPrincipal("c", "abc123")))
                .isEqualTo("abc123");
    }

    @Test
    void shouldApplyTheRegexCaptureGroupOnlyWhenItMatchesTheWholeValue() {
        IdentityMapping cn = IdentityMapping.of("cn", "(sensor-\\d+)\\.fleet\\.example");
        assertThat(cn.deviceIdFor(CERT)).isEqualTo("sensor-0003");
        // A value that merely contains a device id keeps its raw form: no borrowing another's id.
        assertThat(cn.deviceIdFor(BrokerIdentity.ofCertificate("c", "evil-sensor-0003.fleet.example.org")))
                .isEqualTo("evil-sensor-0003.fleet.example.org");
    }

    @Test
    void shouldFallBackToTheRawIdentityWhenTheRulesPartIsAbsent() {
        assertThat(IdentityMapping.of("cn", null).deviceIdFor(PASSWORD)).isEqualTo("sensor-0001@fleet");
        assertThat(IdentityMapping.of("username", null).deviceIdFor(BrokerIdentity.ofPrincipal("c-1", null)))
                .isEqualTo("c-1");
        assertThat(IdentityMapping.of("clientId", null).deviceIdFor(BrokerIdentity.ofPrincipal(null, null)))
                .isEqualTo(IdentityMapping.UNIDENTIFIED);
    }

    @Test
    void shouldRefuseAnUnknownRuleOrARegexWithoutExactlyOneGroup() {
        assertThatThrownBy(() -> IdentityMapping.of("serial", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clientId, username, cn or principal");
        assertThatThrownBy(() -> IdentityMapping.of("cn", "sensor-\\d+")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one capture group");
        assertThatThrownBy(() -> IdentityMapping.of("cn", "(a)(b)")).isInstanceOf(IllegalArgumentException.class);
    }
}
