package io.fleetguard.detect;

import io.fleetguard.schema.AlertType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DetectorsTest {

    @Test
    void shouldListTheCoreThenTheOtherStatelessDetectorsInAFixedOrder() {
        // When
        List<Detector> all = Detectors.all();

        // Then
        assertThat(all).extracting(Detector::type).containsExactly(
                AlertType.UNKNOWN_DEVICE, AlertType.STALE_CREDENTIAL, AlertType.EXPIRED_CREDENTIAL,
                AlertType.REVOKED_CREDENTIAL_IN_USE, AlertType.CREDENTIAL_EXPIRING,
                AlertType.IMPERSONATED_TELEMETRY, AlertType.UNEXPECTED_DATA_PATH,
                AlertType.DEFAULT_CREDENTIAL, AlertType.RETIRED_IDENTITY_ACTIVE, AlertType.ORPHANED_IDENTITY,
                AlertType.UNAUTHORIZED_CONFIG_CHANGE, AlertType.FIRMWARE_DRIFT, AlertType.CLONED_IDENTITY);
        assertThat(all.subList(0, Detectors.core().size())).extracting(Detector::type)
                .containsExactlyElementsOf(Detectors.core().stream().map(Detector::type).toList());
    }
}
