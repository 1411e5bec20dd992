package io.fleetguard.chaos;

import io.fleetguard.ingest.LogFormat;
import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.AuthMethod;
import io.fleetguard.schema.AuthOutcome;
import io.fleetguard.schema.ChangeType;
import io.fleetguard.schema.ConfigChange;
import io.fleetguard.sim.SimEvent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Events and broker-log lines carrying {@link PlantedSecrets}, derived from real simulated events
 * so that they are history like any other: produced live and replayed offline alike.
 */
final class PlantedEvents {

    static final String EMQX_BROKER = "chaos-emqx";
    static final String AWS_BROKER = "chaos-aws";
    private static final DateTimeFormatter AWS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    /** One broker-log line, keyed by its broker id, stamped with the time it states. */
    record LogLine(String brokerId, LogFormat format, String line, long timestamp) {
    }

    private final PlantedSecrets secrets;

    PlantedEvents(PlantedSecrets secrets) {
        this.secrets = secrets;
    }

    /** A credential change by a vendor outside any session, whose old and new values are the secrets themselves. */
    SimEvent credentialChange(ConfigChange like) {
        ConfigChange c = ConfigChange.newBuilder(like).setEventId(like.getEventId() + "-planted")
                .setActor("chaos-vendor").setActorType(ActorType.VENDOR).setChangeType(ChangeType.CREDENTIAL)
                .setFromValue(secrets.oldCredential()).setToValue(secrets.newCredential())
                .setTicketId(null).setSupportSessionId(null).build();
        return new SimEvent(SimEvent.Stream.CONFIG, c.getDeviceId(), c, c.getTimestamp().toEpochMilli(), null, null);
    }

    /** A failed password login whose broker echoed the password into the failure reason. */
    SimEvent echoedPassword(AuthEvent like) {
        AuthEvent a = AuthEvent.newBuilder(like).setEventId(like.getEventId() + "-planted").setOutcome(AuthOutcome.FAILURE)
                .setMethod(AuthMethod.PASSWORD).setCredentialFingerprint(null)
                .setFailureReason("bad password '" + secrets.failureReason() + "'").build();
        return new SimEvent(SimEvent.Stream.AUTH, a.getDeviceId(), a, a.getTimestamp().toEpochMilli(), null, null);
    }

    /** Broker-log lines with passwords in them (EMQX packet trace and field, AWS IoT details), at {@code at}. */
    List<LogLine> brokerLines(long at) {
        long micros = at * 1000;
        String connect = "{\"time\":" + micros + ",\"level\":\"debug\",\"msg\":\"mqtt_packet_received\",\"tag\":\"MQTT\","
                + "\"clientid\":\"chaos-dev-1\",\"peername\":\"10.99.0.1:40000\",\"packet\":\"CONNECT(Q0, R0, D0, "
                + "ClientId=chaos-dev-1, ProtoName=MQTT, ProtoVsn=5, CleanStart=true, KeepAlive=60, Username=chaos-dev-1, "
                + "Password=" + secrets.emqxPacketPassword() + ")\"}";
        String failure = "{\"time\":" + (micros + 1000) + ",\"level\":\"warning\",\"msg\":\"authentication_failure\","
                + "\"clientid\":\"chaos-dev-2\",\"username\":\"chaos-dev-2\",\"password\":\"" + secrets.emqxFieldPassword()
                + "\",\"peername\":\"10.99.0.2:40001\",\"reason\":\"bad_username_or_password\"}";
        String aws = "{\"timestamp\": \"" + AWS_TIME.format(Instant.ofEpochMilli(at + 2)) + "\", \"logLevel\": \"ERROR\", "
                + "\"traceId\": \"7f1d5c2a-0000-4000-8000-000000000001\", \"accountId\": \"123456789012\", "
                + "\"status\": \"Failure\", \"eventType\": \"Connect\", \"protocol\": \"MQTT\", \"clientId\": \"chaos-dev-3\", "
                + "\"principalId\": \"chaos-dev-3\", \"sourceIp\": \"10.99.0.3\", \"sourcePort\": 40002, "
                + "\"reason\": \"AUTHORIZATION_FAILURE\", \"details\": \"password " + secrets.awsIotPassword() + " rejected\"}";
        return List.of(new LogLine(EMQX_BROKER, LogFormat.EMQX, connect, at),
                new LogLine(EMQX_BROKER, LogFormat.EMQX, failure, at + 1),
                new LogLine(AWS_BROKER, LogFormat.AWS_IOT, aws, at + 2));
    }

    /** The {@code ingest.formats} setting naming the planted brokers' formats. */
    static String ingestFormats() {
        return EMQX_BROKER + ":emqx," + AWS_BROKER + ":aws-iot";
    }
}
