package io.fleetguard.ingest;

import java.util.Locale;
import java.util.Optional;

/** The broker log dialects FleetGuard can normalize; {@link #origin()} is the AuthEvent/Telemetry origin. */
public enum LogFormat {
    MOSQUITTO("mosquitto"),
    EMQX("emqx"),
    AWS_IOT("aws-iot");

    /** Suggested record header naming a broker's format when configuration does not. */
    public static final String HEADER = "fleetguard.log-format";

    private final String origin;

    LogFormat(String origin) {
        this.origin = origin;
    }

    public String origin() {
        return origin;
    }

    /** Accepts the origin name or the enum name in any case ("aws-iot", "AWS_IOT"); empty if unknown. */
    public static Optional<LogFormat> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (LogFormat format : values()) {
            if (format.origin.equals(wanted)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
