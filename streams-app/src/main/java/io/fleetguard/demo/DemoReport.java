package io.fleetguard.demo;

import io.fleetguard.schema.AlertType;
import io.fleetguard.schema.IdentityAlert;

import java.util.List;
import java.util.Map;

/**
 * What a demo run did: the incidents it injected (triggering event id → expected type) and the
 * alerts that came out.
 */
public record DemoReport(long eventsProduced, double eventsProcessed, Map<String, Incident> incidents,
                         List<IdentityAlert> alerts, double deadLetters) {

    /** An injected incident: the alert type it must raise, on which device. */
    public record Incident(AlertType type, String deviceId, java.util.Set<AlertType> raises) {

        public Incident {
            raises = java.util.Set.copyOf(raises);
        }
    }
}
