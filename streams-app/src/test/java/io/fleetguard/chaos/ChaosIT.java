package io.fleetguard.chaos;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reduced {@code fleetguard chaos} in CI: a broker and two instances as child JVMs, 50,000 events
 * with poison pills and planted secrets, one timed failover, two kill -9s, one SIGTERM and one SIGKILL
 * broker restart; then the committed alerts equal the offline replay's, id for id.
 */
class ChaosIT {

    @Test
    void shouldLoseDuplicateAndLeakNothingThroughKillsFailoverAndBrokerRestarts() throws Exception {
        // Given
        ChaosOptions options = new ChaosOptions(50_000, 1_000, 4, 2, 42, true, true, null, 2_000,
                ChaosOptions.DEFAULT_EVENT_ORDER_GRACE_MS);
        ByteArrayOutputStream table = new ByteArrayOutputStream();

        // When
        ChaosReport report = new ChaosRun(options, System.err).run(new PrintStream(table, true, StandardCharsets.UTF_8));

        // Then
        String printed = table.toString(StandardCharsets.UTF_8);
        assertThat(List.of(report.audit().lost(), report.audit().duplicates(), report.audit().extra(),
                report.audit().orphanUpdates(), report.ocsfMismatches(), report.secretsLeaked()))
                .as(printed).containsExactly(0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(report.audit().live()).as(printed).isEqualTo(report.audit().expected());
        assertThat(List.of(report.kills(), report.brokerRestarts(), report.unexpectedExits()))
                .as(printed).containsExactly(2, 2, 0);
        assertThat(report.failoverSeconds()).as(printed).isPositive();
        assertThat(report.poisonDeadLettered()).as(printed).isEqualTo(report.poisonSent()).isEqualTo(34L);
        assertThat(report.fuzzEscaped()).isZero();
        assertThat(report.passed()).as(printed).isTrue();
        assertThat(printed.strip().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("{\"lost\":0,\"duplicates\":0,\"extra\":0,\"secrets_leaked\":0,\"kills\":2,");
    }
}
