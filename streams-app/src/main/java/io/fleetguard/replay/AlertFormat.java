package io.fleetguard.replay;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an offline replay writes for each alert, one per line. */
public enum AlertFormat {
    /** The IdentityAlert in the JSON Lines form of {@code feed.JsonLines}, as the alert topic carries it. */
    IDENTITY_ALERT("identity-alert"),
    /** The OCSF Detection Finding JSON the topology writes to the OCSF topic for the alert. */
    OCSF("ocsf");

    private final String optionName;

    AlertFormat(String optionName) {
        this.optionName = optionName;
    }

    /** The name on the command line, e.g. {@code identity-alert}. */
    public String optionName() {
        return optionName;
    }

    /** Every option name, e.g. "identity-alert or ocsf", for messages. */
    public static String optionNames() {
        return Arrays.stream(values()).map(AlertFormat::optionName).collect(Collectors.joining(" or "));
    }

    /** Empty when the name is none of {@link #optionNames()} (case-insensitive). */
    public static Optional<AlertFormat> fromOptionName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.optionName.equals(wanted)).findFirst();
    }
}
