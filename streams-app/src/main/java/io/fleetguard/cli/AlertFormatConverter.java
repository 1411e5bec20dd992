package io.fleetguard.cli;

import io.fleetguard.replay.AlertFormat;
import picocli.CommandLine;

/** Reads {@code identity-alert} or {@code ocsf}. */
final class AlertFormatConverter implements CommandLine.ITypeConverter<AlertFormat> {

    @Override
    public AlertFormat convert(String value) {
        return AlertFormat.fromOptionName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "'" + value + "' is not an alert format: " + AlertFormat.optionNames()));
    }
}
