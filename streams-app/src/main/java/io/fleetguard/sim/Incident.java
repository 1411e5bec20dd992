package io.fleetguard.sim;

import io.fleetguard.schema.AlertType;

/** The alert type an injected event must raise, and a short description of it. */
record Incident(AlertType type, String label) {
}
