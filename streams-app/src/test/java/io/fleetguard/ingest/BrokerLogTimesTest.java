package io.fleetguard.ingest;

import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.TelemetryRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The time a broker log line states, read before parsing, is the time its parser stamps its events with. */
class BrokerLogTimesTest {

    /** Far from every fixture time, so an event stamped with it would show. */
    private static final long RECORD_TS = 1_000L;

    private final BrokerLogTimes times = new BrokerLogTimes(ZoneOffset.UTC, null);
    private final BrokerLogParsers parsers = new BrokerLogParsers(MosquittoSettings.defaults(),
            IdentityMapping.byClientId(), IdentityMapping.byClientId());

    @ParameterizedTest
    @CsvSource({
            "mosquitto, mosquitto/mosquitto-2.0-epoch.log, 2026-11-22T03:22:18Z",
            "mosquitto, mosquitto/mosquitto-2.0-iso8601.log, 2026-11-22T03:22:24Z",
            "emqx, emqx/emqx-5-text.log, 2024-03-20T10:08:30.101Z",
            "emqx, emqx/emqx-5-json.log, 2024-03-20T10:08:30.101Z",
            "aws-iot, aws-iot/aws-iot-v2.jsonl, 2024-05-02T09:15:01.120Z"})
    void shouldReadEveryFixtureLinesTimeAsItsParserStampsTheEvents(String format, String fixture, String firstTime)
            throws IOException {
        // Given
        LogFormat logFormat = LogFormat.fromName(format).orElseThrow();
        List<String> lines = Described.fixture(fixture);

        // When
        List<OptionalLong> read = lines.stream().map(l -> times.eventTime(logFormat, l)).toList();

        // Then every line has a time, the first is the fixture's first, and each event carries its line's time
        assertThat(read).allSatisfy(t -> assertThat(t).isPresent());
        assertThat(Instant.ofEpochMilli(read.get(0).getAsLong())).isEqualTo(Instant.parse(firstTime));
        MosquittoState state = MosquittoState.EMPTY;
        List<Long> eventTimes = new ArrayList<>();
        List<Long> lineTimes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ParseOutcome<MosquittoState> outcome = parsers.parse(logFormat, "broker-1", lines.get(i), RECORD_TS, state);
            state = outcome.state();
            if (outcome.result() instanceof ParsedLine.Events events) {
                for (SpecificRecord e : events.authEventsAndTelemetry()) {
                    eventTimes.add(timestamp(e));
                    lineTimes.add(read.get(i).getAsLong());
                }
            }
        }
        assertThat(eventTimes).isNotEmpty().isEqualTo(lineTimes);
    }

    private static long timestamp(SpecificRecord event) {
        Instant at = event instanceof AuthEvent a ? a.getTimestamp() : ((TelemetryRecord) event).getTimestamp();
        return at.toEpochMilli();
    }

    @Test
    void shouldFindNoTimeWhereTheLineStatesNoneItsParserCanRead() {
        assertThat(times.eventTime(LogFormat.MOSQUITTO, "no timestamp here")).isEmpty();
        assertThat(times.eventTime(LogFormat.MOSQUITTO, "yesterday: Client c1 disconnected.")).isEmpty();
        assertThat(times.eventTime(LogFormat.EMQX, "[warning] tag: AUTHN, msg: authentication_failure")).isEmpty();
        assertThat(times.eventTime(LogFormat.EMQX, "{\"level\":\"warning\",\"msg\":\"authentication_failure\"}")).isEmpty();
        assertThat(times.eventTime(LogFormat.EMQX, "{\"time\":\"soon\",\"msg\":\"terminate\"}")).isEmpty();
        assertThat(times.eventTime(LogFormat.AWS_IOT, "{\"eventType\":\"Connect\"}")).isEmpty();
        assertThat(times.eventTime(LogFormat.AWS_IOT, "{\"timestamp\":\"2024-05-02T09:15\"}")).isEmpty();
        assertThat(times.eventTime(LogFormat.AWS_IOT, "{\"timestamp\": 5")).isEmpty();
    }

    @Test
    void shouldReadMosquittoTimesInTheConfiguredZoneAndPattern() {
        BrokerLogTimes berlin = new BrokerLogTimes(ZoneId.of("Europe/Berlin"), "dd/MM/uuuu HH:mm:ss");

        assertThat(berlin.eventTime(LogFormat.MOSQUITTO, "22/11/2026 04:22:18: Client c1 disconnected."))
                .hasValue(1_795_317_738_000L);
        assertThat(berlin.eventTime(LogFormat.MOSQUITTO, "1795317738: Client c1 disconnected."))
                .hasValue(1_795_317_738_000L);
    }
}
