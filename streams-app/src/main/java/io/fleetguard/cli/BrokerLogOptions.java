package io.fleetguard.cli;

import io.fleetguard.ingest.LogFormat;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One raw broker log of an offline replay, {@code --broker-log FILE --broker-log-format FORMAT
 * [--broker-id ID]}: a repeatable argument group, so each file has its own format and broker id.
 */
final class BrokerLogOptions {

    /** The format names, for messages: "mosquitto, emqx, aws-iot". */
    static final String FORMATS = Arrays.stream(LogFormat.values()).map(LogFormat::origin)
            .collect(Collectors.joining(", "));

    @Option(names = "--broker-log", paramLabel = "FILE", required = true, description = "Offline: raw MQTT broker log, "
            + "one line per record, replayed through the broker-log normalizer (repeatable, each followed by its "
            + "--broker-log-format and optional --broker-id).")
    Path file;

    /** Not required here, so that its absence is reported by the command with the file it belongs to. */
    @Option(names = "--broker-log-format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "Format of that --broker-log: mosquitto, emqx or aws-iot (required).")
    LogFormat format;

    @Option(names = "--broker-id", paramLabel = "ID", description = "Broker id that --broker-log's lines are keyed by "
            + "(default: the file name up to its last dot, e.g. mqtt-1 for mqtt-1.log).")
    String brokerId;

    /** mosquitto, emqx or aws-iot, in any case. */
    static final class FormatConverter implements CommandLine.ITypeConverter<LogFormat> {
        @Override
        public LogFormat convert(String value) {
            return LogFormat.fromName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a broker log format (" + FORMATS + ")"));
        }
    }
}
