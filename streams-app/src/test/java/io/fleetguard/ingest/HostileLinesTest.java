package io.fleetguard.ingest;

import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.TelemetryRecord;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lines written to break the parsers: none may throw, none may reach the backstop, and nothing a
 * client chose may come out unsanitized.
 */
class HostileLinesTest {

    private final BrokerLogParsers parsers = new BrokerLogParsers(
            MosquittoSettings.defaults().withIdentityListenerPorts(Set.of(8883)),
            IdentityMapping.byClientId(), IdentityMapping.byClientId());

    @Test
    void shouldRejectOversizedMultiLineAndNulRecordsInEveryFormat() {
        String huge = "1700000000: Received PUBLISH from c (d0, q0, r0, m0, '" + "a".repeat(100 * 1024)
                + "', ... (1 bytes))";
        for (LogFormat format : LogFormat.values()) {
            assertThat(parse(format, huge)).as(format.name()).isEqualTo(new ParsedLine.Reject("line-too-long"));
            assertThat(parse(format, "{\"eventType\":\"Connect\"}\n1700000000: New client connected from 6.6.6.6:1 "
                    + "as admin (p2, c1, k60, u'admin')."))
                    .as(format.name()).isEqualTo(new ParsedLine.Reject("embedded-line-break"));
            assertThat(parse(format, "abc\0def")).as(format.name()).isEqualTo(new ParsedLine.Reject("nul-character"));
            assertThat(parse(format, "   ")).as(format.name()).isEqualTo(new ParsedLine.Reject("blank-line"));
            assertThat(parsers.parse(format, null, "x", 1, MosquittoState.EMPTY).result()).as(format.name())
                    .isEqualTo(new ParsedLine.Reject("missing-broker-id"));
        }
        assertThat(parse(LogFormat.MOSQUITTO, "1700000000: " + "x".repeat(MosquittoLogParser.MAX_LINE_CHARS)))
                .isEqualTo(new ParsedLine.Reject("line-too-long"));
    }

    @Test
    void shouldKeepATrailingNewlineFromBecomingARejection() {
        assertThat(parse(LogFormat.MOSQUITTO, "1700000000: mosquitto version 2.0.11 running\r\n"))
                .isEqualTo(new ParsedLine.Skip("lifecycle"));
    }

    @Test
    void shouldReplaceControlAndBidiCharactersInEveryOutputField() {
        // Given identities carrying terminal escapes, a tab and a right-to-left override
        String cid = "dev\u001b[2J\t\u202Eevil";
        List<SpecificRecord> events = new ArrayList<>();
        events.addAll(events(parse(LogFormat.MOSQUITTO, "1700000000: Received PUBLISH from " + cid
                + " (d0, q0, r0, m0, 'a/\u0007b', ... (1 bytes))")));
        events.addAll(events(parse(LogFormat.EMQX, "{\"msg\":\"authentication_failure\",\"clientid\":\"" + "dev\\u001b[2J\\u202Eevil"
                + "\",\"username\":\"u\\u0085\",\"reason\":\"r\\u2028\"}")));
        events.addAll(events(parse(LogFormat.AWS_IOT, "{\"eventType\":\"Connect\",\"clientId\":\"a\\u0000b\","
                + "\"principalId\":\"p\\u200Fq\",\"sourceIp\":\"1.2.3.4\\u001b\"}")));

        // Then
        assertThat(events).hasSize(3);
        for (SpecificRecord event : events) {
            for (String value : strings(event)) {
                assertThat(value.chars().noneMatch(c -> Character.isISOControl(c) || c == 0x202E || c == 0x200F
                        || c == 0x2028)).as(value).isTrue();
            }
        }
        assertThat(((TelemetryRecord) events.get(0)).getClientId()).isEqualTo("dev\uFFFD[2J\uFFFD\uFFFDevil");
        assertThat(((TelemetryRecord) events.get(0)).getDestination()).isEqualTo("a/\uFFFDb");
    }

    @Test
    void shouldNeverCarryAPasswordIntoAnEvent() {
        // Given secrets where a careless plugin or client might put them
        ParsedLine emqx = parse(LogFormat.EMQX, "2024-03-20T11:08:30.101200+01:00 [warning] clientid: c, "
                + "msg: authentication_failure, peername: 10.0.0.1:5, username: bob password=hunter2, reason: x");
        ParsedLine mosquitto = parse(LogFormat.MOSQUITTO, "1700000000: New client connected from 10.0.0.1:5 as "
                + "c (p2, c1, k60, u'admin pwd:hunter2').");
        ParsedLine connect = parse(LogFormat.EMQX, "2024-03-20T11:08:30.101200+01:00 [debug] clientid: c, "
                + "msg: mqtt_packet_received, packet: CONNECT(Q0, R0, D0, ClientId=c, Username=u, Password=hunter2)");

        // Then
        List<SpecificRecord> events = new ArrayList<>(events(emqx));
        events.addAll(events(mosquitto));
        assertThat(events).hasSize(2);
        for (SpecificRecord event : events) {
            assertThat(strings(event)).noneMatch(s -> s.contains("hunter2"));
        }
        assertThat(((AuthEvent) events.get(0)).getPrincipal()).isEqualTo("bob password=[redacted]");
        assertThat(connect).isEqualTo(new ParsedLine.Skip("mqtt-packet"));
    }

    @Test
    void shouldSurviveRandomAndMutatedLinesWithoutReachingTheBackstop() throws IOException {
        // Given the real fixture lines, mutated, plus random text
        Random random = new Random(20240601L);
        List<String> seeds = new ArrayList<>();
        seeds.addAll(Described.fixture("mosquitto/mosquitto-2.0-epoch.log"));
        seeds.addAll(Described.fixture("emqx/emqx-5-text.log"));
        seeds.addAll(Described.fixture("emqx/emqx-5-json.log"));
        seeds.addAll(Described.fixture("aws-iot/aws-iot-v2.jsonl"));
        MosquittoState state = MosquittoState.EMPTY;

        // When / Then
        for (int i = 0; i < 20_000; i++) {
            String line = i % 10 == 0 ? randomText(random, 1 + random.nextInt(300))
                    : mutate(seeds.get(random.nextInt(seeds.size())), random);
            for (LogFormat format : LogFormat.values()) {
                ParseOutcome<MosquittoState> outcome = parsers.parse(format, "b", line, i, state);
                assertThat(outcome.result()).as(line).isNotEqualTo(new ParsedLine.Reject("internal-error"));
                state = outcome.state();
            }
        }
        assertThat(state.pendingConnections()).isLessThanOrEqualTo(MosquittoSettings.defaults().maxPendingConnections());
        assertThat(state.sessions()).isLessThanOrEqualTo(MosquittoSettings.defaults().maxSessions());
        assertThat(MosquittoState.fromBytes(state.toBytes())).isEqualTo(state);
    }

    private static String mutate(String seed, Random random) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, randomText(random, 1 + random.nextInt(8)));
                case 2 -> sb.setCharAt(at, "'\"(){}[],:=\\ \u0000\u202E".charAt(random.nextInt(15)));
                default -> sb.setLength(at);
            }
        }
        return sb.toString();
    }

    private static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x3000) : 0x20 + random.nextInt(0x5f)));
        }
        return sb.toString();
    }

    private ParsedLine parse(LogFormat format, String line) {
        return parsers.parse(format, "broker-x", line, 1L, MosquittoState.EMPTY).result();
    }

    private static List<SpecificRecord> events(ParsedLine result) {
        assertThat(result).isInstanceOf(ParsedLine.Events.class);
        return ((ParsedLine.Events) result).authEventsAndTelemetry();
    }

    private static List<String> strings(SpecificRecord event) {
        GenericRecord record = (GenericRecord) event;
        List<String> values = new ArrayList<>();
        record.getSchema().getFields().forEach(f -> {
            Object value = record.get(f.name());
            if (value instanceof CharSequence s) {
                values.add(s.toString());
            }
        });
        return values;
    }
}
