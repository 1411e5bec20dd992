package io.fleetguard.replay;

import io.fleetguard.config.ConfigLoader;
import io.fleetguard.config.FleetGuardConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayTargetTest {

    private static final FleetGuardConfig LIVE = ConfigLoader.fromMap(Map.of("kafka.bootstrap.servers", "b:9092",
            "schema.registry.url", "mock://t", "topic.alerts", "soc.alerts"));

    @Test
    void shouldNameEverythingAfterTheReplay() {
        ReplayTarget t = ReplayTarget.of("incident-42", null);

        assertThat(t.applicationId()).isEqualTo("fleetguard-replay-incident-42");
        assertThat(t.alertTopic()).isEqualTo("fleetguard.alerts.replay.incident-42");
        assertThat(t.deadLetterTopic()).isEqualTo("fleetguard.dead-letter.replay.incident-42");
        assertThat(t.overrides()).containsEntry("application.id", "fleetguard-replay-incident-42")
                .containsEntry("topic.alerts", "fleetguard.alerts.replay.incident-42");
    }

    @Test
    void shouldRefuseNamesThatCannotBeTopicNames() {
        assertThatThrownBy(() -> ReplayTarget.of("a b", null)).hasMessageContaining("must be 1-100 letters");
        assertThatThrownBy(() -> ReplayTarget.of("-x", null)).hasMessageContaining("start with a letter or digit");
        assertThatThrownBy(() -> ReplayTarget.of("", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseTheLiveAlertTopicTheDefaultOneAndInputTopics() {
        assertThatThrownBy(() -> ClusterReplay.checkNotLive(ReplayTarget.of("x", "soc.alerts"), LIVE))
                .hasMessageContaining("is the live alert topic");
        assertThatThrownBy(() -> ClusterReplay.checkNotLive(ReplayTarget.of("x", "fleetguard.alerts"), LIVE))
                .hasMessageContaining("is the live alert topic");
        assertThatThrownBy(() -> ClusterReplay.checkNotLive(ReplayTarget.of("x", "fleetguard.telemetry"), LIVE))
                .hasMessageContaining("is an input topic");
        ClusterReplay.checkNotLive(ReplayTarget.of("x", null), LIVE); // fine
    }

    @Test
    void shouldDeriveInternalTopicNamesExactlyFromTheTopology() {
        FleetGuardConfig replay = ConfigLoader.fromMap(Map.of("kafka.bootstrap.servers", "b:9092",
                "schema.registry.url", "mock://t", "application.id", "fleetguard-replay-a"));

        assertThat(ReplayResources.internalTopics(replay))
                .contains("fleetguard-replay-a-registry-versions-changelog", "fleetguard-replay-a-alert-suppression-store-changelog",
                        "fleetguard-replay-a-activities-by-device-repartition",
                        "fleetguard-replay-a-cross-device-inputs-repartition", "fleetguard-replay-a-credential-owners-changelog",
                        "fleetguard-replay-a-cross-device-alert-suppression-deadlines-changelog")
                .doesNotContain("fleetguard-replay-a-auth-by-device-repartition", "fleetguard-replay-a-auth-by-credential-repartition",
                        "fleetguard-replay-a-credential-owner-alert-suppression-store-changelog")
                .allMatch(t -> t.startsWith("fleetguard-replay-a-") && (t.endsWith("-changelog") || t.endsWith("-repartition")));
    }
}
