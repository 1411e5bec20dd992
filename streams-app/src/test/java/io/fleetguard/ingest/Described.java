package io.fleetguard.ingest;

import io.fleetguard.schema.AuthEvent;
import io.fleetguard.schema.TelemetryRecord;
import org.apache.avro.specific.SpecificRecord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One-line descriptions of normalized events, so fixture tests read as a story; and fixture loading. */
final class Described {

    private Described() {
    }

    static String event(SpecificRecord event) {
        if (event instanceof AuthEvent a) {
            String line = "AUTH " + a.getDeviceId() + " " + a.getOutcome() + " " + a.getMethod()
                    + " principal=" + a.getPrincipal() + " ip=" + a.getSourceIp();
            return a.getFailureReason() == null ? line : line + " " + a.getFailureReason();
        }
        TelemetryRecord t = (TelemetryRecord) event;
        return "TELEMETRY " + t.getDeviceId() + " principal=" + t.getPrincipal() + " ip=" + t.getSourceIp()
                + " -> " + t.getDestination() + " (" + t.getBytes() + " bytes)";
    }

    static List<String> fixture(String path) throws IOException {
        try (InputStream in = Described.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IOException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
