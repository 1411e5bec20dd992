package io.fleetguard.serde;

import io.fleetguard.schema.ActorType;
import io.fleetguard.schema.AlertActivity;
import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.AuthMethod;
import io.fleetguard.schema.AuthOutcome;
import io.fleetguard.schema.ChangeType;
import io.fleetguard.schema.ConfigChange;
import io.fleetguard.schema.Credential;
import io.fleetguard.schema.CredentialType;
import io.fleetguard.schema.DayOfWeek;
import io.fleetguard.schema.DeviceIdentity;
import io.fleetguard.schema.DeviceStatus;
import io.fleetguard.schema.IdentityAlert;
import io.fleetguard.schema.MaintenanceWindow;
import io.fleetguard.schema.RemoteSupportSession;
import io.fleetguard.schema.Severity;
import io.fleetguard.schema.TelemetryRecord;
import io.fleetguard.schema.TrustTier;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** Small test-data builders: one record of each contract with every optional field set, and one with none. */
final class FleetRecords {

    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");
    static final String FINGERPRINT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private FleetRecords() {
    }

    static DeviceIdentity.Builder aDevice() {
        return DeviceIdentity.newBuilder()
            .setDeviceId("cam-0042")
            .setDeviceClass("camera")
            .setStatus(DeviceStatus.ACTIVE)
            .setTrustTier(TrustTier.MTLS_CERT)
            .setUpdatedAt(T0);
    }

    static DeviceIdentity aFullyDescribedDevice() {
        return aDevice()
            .setOwner("facilities-team")
            .setCredentials(List.of(aCredential().setExpiresAt(T0.plusSeconds(86_400)).build(),
                aCredential().setFingerprint("00ff").setType(CredentialType.PASSWORD).setRevoked(true)
                    .setFactoryDefault(true).setSupersededBy(FINGERPRINT).build()))
            .setAllowedDataPaths(List.of("site/+/cam-0042/#", "https://ingest.example/cam/"))
            .setAllowedGateways(List.of("gw-1", "gw-2"))
            .setAllowedSourceCidrs(List.of("10.20.0.0/16", "2001:db8::/32"))
            .setExpectedFirmware("4.2.1")
            .setApprovedSupportVendors(List.of("acme-support"))
            .setMaintenanceWindows(List.of(new MaintenanceWindow(DayOfWeek.SATURDAY, LocalTime.of(22, 0), LocalTime.of(2, 0, 0, 500_000_000))))
            .build();
    }

    static Credential.Builder aCredential() {
        return Credential.newBuilder()
            .setFingerprint(FINGERPRINT)
            .setType(CredentialType.X509_CERT)
            .setPrincipal("CN=cam-0042")
            .setIssuedAt(T0.minusSeconds(3_600));
    }

    static AuthEvent.Builder anAuthEvent() {
        return AuthEvent.newBuilder()
            .setEventId("auth-1")
            .setTimestamp(T0)
            .setDeviceId("cam-0042")
            .setMethod(AuthMethod.MTLS)
            .setOutcome(AuthOutcome.SUCCESS);
    }

    static AuthEvent aFailedPasswordLogin() {
        return anAuthEvent().setMethod(AuthMethod.PASSWORD).setOutcome(AuthOutcome.FAILURE)
            .setClientId("client-7").setPrincipal("admin").setCredentialFingerprint(FINGERPRINT)
            .setFailureReason("bad password").setSourceIp("198.51.100.7").setBrokerId("mosquitto-1")
            .setGatewayId("gw-1").setOrigin("mosquitto").build();
    }

    static TelemetryRecord.Builder aTelemetryRecord() {
        return TelemetryRecord.newBuilder()
            .setEventId("tel-1")
            .setTimestamp(T0)
            .setDeviceId("cam-0042")
            .setDestination("site/1/cam-0042/frames");
    }

    static TelemetryRecord aFullTelemetryRecord() {
        return aTelemetryRecord().setPrincipal("CN=cam-0042").setCredentialFingerprint(FINGERPRINT)
            .setClientId("client-7").setSourceIp("10.20.1.5").setBrokerId("emqx-2").setGatewayId("gw-2")
            .setBytes(65_536L).setReportedFirmware("4.2.0").build();
    }

    static ConfigChange.Builder aConfigChange() {
        return ConfigChange.newBuilder()
            .setEventId("chg-1")
            .setTimestamp(T0)
            .setDeviceId("cam-0042")
            .setActor("jdoe")
            .setActorType(ActorType.VENDOR)
            .setChangeType(ChangeType.FIRMWARE);
    }

    static ConfigChange aTicketedFirmwareChange() {
        return aConfigChange().setFromValue("4.2.1").setToValue("4.1.0").setTicketId("CHG-1234")
            .setSupportSessionId("sess-9").build();
    }

    static RemoteSupportSession.Builder aSupportSession() {
        return RemoteSupportSession.newBuilder()
            .setSessionId("sess-9")
            .setDeviceId("cam-0042")
            .setVendor("acme-support")
            .setOperator("op-17")
            .setStartedAt(T0)
            .setMethod("ssh");
    }

    static RemoteSupportSession anEndedSupportSession() {
        return aSupportSession().setEndedAt(T0.plusSeconds(5_400)).setTicketId("CHG-1234")
            .setSourceIp("203.0.113.9").build();
    }

    static IdentityAlert.Builder anAlert() {
        return IdentityAlert.newBuilder()
            .setAlertId("a1b2c3")
            .setType(AlertType.DEFAULT_CREDENTIAL)
            .setCategory("credential hygiene")
            .setSeverity(Severity.CRITICAL)
            .setDeviceId("cam-0042")
            .setSubject(FINGERPRINT)
            .setEventTime(T0)
            .setFirstSeen(T0)
            .setLastSeen(T0)
            .setSummary("factory-default credential used");
    }

    static IdentityAlert aRepeatedAlert() {
        return anAlert().setActivity(AlertActivity.UPDATE).setCount(3L).setLastSeen(T0.plusSeconds(600))
            .setEvidence(Map.of("principal", "admin", "sourceIp", "198.51.100.7"))
            .setTriggeringEventIds(List.of("auth-1", "auth-2", "auth-3"))
            .setOwner("facilities-team").setDeviceClass("camera")
            .setAttackTechniques(List.of("T0812", "T1078.001")).setOwaspNhi(List.of("NHI4"))
            .setNistCsf(List.of("PR.AA-01")).setRecommendedAction("rotate the credential").setRuleVersion("2")
            .build();
    }
}
