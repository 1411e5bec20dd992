package io.fleetguard.chaos;

import io.fleetguard.schema.AlertActivity;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.schema.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.fleetguard.ocsf.AlertBuilder.anAlert;
import static org.assertj.core.api.Assertions.assertThat;

/** The checker counts every loss, duplicate and surplus, and forgives only what arrival order decides. */
class AlertAuditTest {

    @Test
    void shouldCountLostDuplicatedAndExtraFirstAlertsById() {
        // Given offline a, b, c; live a, a (a duplicate), c, d (extra), b lost
        List<IdentityAlert> offline = List.of(alert("a"), alert("b"), alert("c"));
        List<IdentityAlert> live = List.of(alert("a"), alert("a"), alert("c"), alert("d"));

        AlertAudit audit = AlertAudit.of(offline, live);

        assertThat(List.of(audit.expected(), audit.live(), audit.lost(), audit.duplicates(), audit.extra(),
                audit.orderDependent())).containsExactly(3L, 4L, 1L, 1L, 1L, 0L);
        assertThat(audit.clean()).isFalse();
    }

    @Test
    void shouldMatchSprayingAlertsThatNameAnotherDeviceOnTypeSeverityAndSubjectOnly() {
        // Given spraying from 10.0.0.9: offline names cam-1's failure, live cam-2's (another arrival order)
        IdentityAlert offline = spraying("id-offline", "cam-1");
        IdentityAlert live = spraying("id-live", "cam-2");

        AlertAudit audit = AlertAudit.of(List.of(offline), List.of(live));

        assertThat(List.of(audit.lost(), audit.duplicates(), audit.extra(), audit.orderDependent()))
                .containsExactly(0L, 0L, 0L, 1L);
        assertThat(audit.clean()).isTrue();
    }

    @Test
    void shouldNeverForgiveAPerDeviceAlertThatDiffersOnlyByDevice() {
        IdentityAlert offline = anAlert(AlertType.UNKNOWN_DEVICE).withId("x1").withDeviceId("cam-1").build();
        IdentityAlert live = anAlert(AlertType.UNKNOWN_DEVICE).withId("x2").withDeviceId("cam-2").build();

        AlertAudit audit = AlertAudit.of(List.of(offline), List.of(live));

        assertThat(List.of(audit.lost(), audit.extra(), audit.orderDependent())).containsExactly(1L, 1L, 0L);
    }

    @Test
    void shouldCountAnUpdateWithoutItsFirstAlert() {
        IdentityAlert update = alert("u");
        update.setActivity(AlertActivity.UPDATE);

        AlertAudit audit = AlertAudit.of(List.of(alert("a")), List.of(alert("a"), update));

        assertThat(List.of(audit.updates(), audit.orphanUpdates())).containsExactly(1L, 1L);
        assertThat(audit.clean()).isFalse();
    }

    private static IdentityAlert alert(String id) {
        return anAlert(AlertType.STALE_CREDENTIAL).withId(id).build();
    }

    private static IdentityAlert spraying(String id, String device) {
        return anAlert(AlertType.AUTH_FAILURE_BURST).withId(id).withSeverity(Severity.HIGH)
                .withDeviceId(device).withSubject("10.0.0.9").build();
    }
}
