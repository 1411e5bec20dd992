package io.fleetguard.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    @Test
    void shouldDefaultToTheIssuesFigures() {
        assertThat(BenchOptions.defaults()).isEqualTo(
                new BenchOptions(1_000_000, 100_000, 10_000, 4, 1, "exactly_once_v2", 10_000, 20, 42, 0.02));
    }

    @Test
    void shouldAcceptAtLeastOnce() {
        assertThat(new BenchOptions(10, 0, 1, 1, 1, "at_least_once", 1, 1, 0, 0).guarantee()).isEqualTo("at_least_once");
    }

    @Test
    void shouldReportEveryProblemAtOnce() {
        assertThatThrownBy(() -> new BenchOptions(0, -1, 0, 0, 0, "exactly_once", 0, 0, 42, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid bench options: events must be at least 1, was 0; warm-up events must not be negative, was -1; "
                        + "devices must be between 1 and 1000000, was 0; partitions must be at least 1, was 0; "
                        + "threads must be at least 1, was 0; "
                        + "guarantee must be exactly_once_v2 or at_least_once, was exactly_once; "
                        + "rate must be a positive finite number, was 0.0; latency seconds must be at least 1, was 0; "
                        + "incident rate must be between 0 and 1, was 1.5");
    }
}
