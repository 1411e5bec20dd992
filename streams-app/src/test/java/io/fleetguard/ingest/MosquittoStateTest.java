package io.fleetguard.ingest;

import io.fleetguard.ingest.MosquittoState.Pending;
import io.fleetguard.ingest.MosquittoState.Refusal;
import io.fleetguard.ingest.MosquittoState.Session;
import io.fleetguard.schema.AuthMethod;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MosquittoStateTest {

    @Test
    void shouldSurviveARoundTripThroughBytes() {
        // Given
        MosquittoState state = MosquittoState.EMPTY
                .withPending(new Pending("10.0.0.1", 50000, 1883), 8)
                .withPending(new Pending("::1", 50001, 8883), 8)
                .withSession(new Session("sensor-0001", "sensor-0001", "10.0.0.1", AuthMethod.PASSWORD, false), 8)
                .withSession(new Session("sensor-0002", null, null, AuthMethod.NONE, true), 8)
                .withRefusal(new Refusal("10.0.0.1", 135));

        // When
        MosquittoState restored = MosquittoState.fromBytes(state.toBytes());

        // Then
        assertThat(restored).isEqualTo(state);
        assertThat(MosquittoState.fromBytes(MosquittoState.EMPTY.toBytes())).isEqualTo(MosquittoState.EMPTY);
        assertThat(MosquittoState.fromBytes(new byte[0])).isEqualTo(MosquittoState.EMPTY);
    }

    @Test
    void shouldStayBoundedAfterAHundredThousandUnmatchedConnections() {
        // Given
        MosquittoSettings settings = MosquittoSettings.defaults().withLimits(16, 64);
        MosquittoLogParser parser = new MosquittoLogParser(settings);
        MosquittoState state = MosquittoState.EMPTY;

        // When a scan opens connections that never identify themselves
        for (int i = 0; i < 100_000; i++) {
            String line = "1700000000: New connection from 10." + (i >> 16) + "." + ((i >> 8) & 255) + "."
                    + (i & 255) + ":" + (1024 + i % 60000) + " on port 1883.";
            state = parser.parse("b", line, i, state).state();
        }

        // Then
        assertThat(state.pendingConnections()).isEqualTo(16);
        assertThat(state.latestPending(p -> true)).contains(new Pending("10.1.134.159", 1024 + 99_999 % 60000, 1883));
        assertThat(state.toBytes().length).isLessThan(16 * 40);
    }

    @Test
    void shouldForgetTheLeastRecentlyConnectedSessionBeyondTheLimit() {
        // Given
        MosquittoState state = MosquittoState.EMPTY;

        // When
        for (int i = 0; i < 5; i++) {
            state = state.withSession(new Session("c" + i, "u" + i, "10.0.0." + i, AuthMethod.PASSWORD, false), 3);
        }
        state = state.withSession(new Session("c2", "u2", "10.0.0.2", AuthMethod.PASSWORD, false), 3);

        // Then
        assertThat(state.sessions()).isEqualTo(3);
        assertThat(state.session("c1")).isEmpty();
        assertThat(state.session("c2")).isPresent();
        state = state.withSession(new Session("c5", "u5", "10.0.0.5", AuthMethod.PASSWORD, false), 3);
        assertThat(state.session("c3")).isEmpty();
        assertThat(state.session("c2")).isPresent();
    }

    @Test
    void shouldRejectCorruptOrForeignBytes() {
        byte[] good = MosquittoState.EMPTY.withPending(new Pending("10.0.0.1", 1, 2), 4).toBytes();
        assertThatThrownBy(() -> MosquittoState.fromBytes(new byte[] {9})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MosquittoState.fromBytes(Arrays.copyOf(good, good.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MosquittoState.fromBytes(Arrays.copyOf(good, good.length + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
