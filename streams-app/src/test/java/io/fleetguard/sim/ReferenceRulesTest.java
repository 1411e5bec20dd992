package io.fleetguard.sim;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The oracle is only as good as its matchers. */
class ReferenceRulesTest {

    @Test
    void shouldMatchMqttFiltersLevelByLevel() {
        assertThat(ReferenceRules.mqttMatches("fleet/site-001/cam-000001/telemetry/#", "fleet/site-001/cam-000001/telemetry/state")).isTrue();
        assertThat(ReferenceRules.mqttMatches("fleet/site-001/cam-000001/telemetry/#", "fleet/site-001/cam-000001/telemetry")).isTrue();
        assertThat(ReferenceRules.mqttMatches("fleet/site-001/cam-000001/+/status", "fleet/site-001/cam-000001/fw/status")).isTrue();
        assertThat(ReferenceRules.mqttMatches("fleet/site-001/cam-000001/+/status", "fleet/site-001/cam-000001/cmd/exec")).isFalse();
        assertThat(ReferenceRules.mqttMatches("fleet/site-001/cam-000001/telemetry/#", "fleet/site-002/cam-000001/telemetry/state")).isFalse();
        assertThat(ReferenceRules.mqttMatches("#", "$SYS/broker/clients/connected")).isFalse();
    }

    @Test
    void shouldMatchUrlPrefixesAtAPathBoundary() {
        List<String> allowed = List.of("https://ingest.example.com/v1/devices/cam-000001/");

        assertThat(ReferenceRules.allowsPath(allowed, "https://ingest.example.com/v1/devices/cam-000001/state")).isTrue();
        assertThat(ReferenceRules.allowsPath(allowed, "https://ingest.example.com/v1/devices/cam-0000012/state")).isFalse();
        assertThat(ReferenceRules.urlPrefixMatches("https://a.example/v1", "https://a.example/v1evil")).isFalse();
    }

    @Test
    void shouldMatchIpv4Cidrs() {
        assertThat(ReferenceRules.inCidr("10.250.0.0/16", "10.250.15.163")).isTrue();
        assertThat(ReferenceRules.inCidr("10.250.0.0/16", "10.251.0.1")).isFalse();
        assertThat(ReferenceRules.inCidr("10.1.0.0/16", "203.0.113.9")).isFalse();
    }
}
