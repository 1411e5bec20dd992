package io.fleetguard.config;

import org.apache.kafka.common.config.ConfigDef;

/** Renders the configuration reference from the declarations, so docs cannot drift from code. */
public final class ConfigDocs {

    private ConfigDocs() {
    }

    public static String markdownTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("| key | environment | type | default | description |\n");
        sb.append("|---|---|---|---|---|\n");
        sb.append("| `").append(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS).append("` | `")
                .append(ConfigKeys.envName(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS))
                .append("` | list | (required) | Kafka bootstrap servers. Every `kafka.*` key is passed to Kafka Streams and its clients with the prefix removed. |\n");
        for (ConfigDef.ConfigKey key : ConfigKeys.DEFINITION.configKeys().values()) {
            sb.append("| `").append(key.name).append("` | `").append(ConfigKeys.envName(key.name)).append("` | ")
                    .append(key.type.name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
                    .append(defaultText(key)).append(" | ")
                    .append(key.documentation.replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }

    private static String defaultText(ConfigDef.ConfigKey key) {
        if (ConfigKeys.REQUIRED.contains(key.name)) {
            return "(required)";
        }
        if (key.defaultValue == null) {
            return "";
        }
        Object v = key.defaultValue;
        String text = v instanceof Class<?> c ? c.getName()
                : v instanceof java.util.List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                : String.valueOf(v);
        if (text.isEmpty()) {
            return "";
        }
        return "`" + text + "`";
    }
}
