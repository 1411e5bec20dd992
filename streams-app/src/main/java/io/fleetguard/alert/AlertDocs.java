package io.fleetguard.alert;

import io.fleetguard.detect.Detector;
import io.fleetguard.detect.Detectors;
import io.fleetguard.schema.AlertType;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Renders README's alert catalogue from {@link AlertCatalogue}, marking which types have a detector. */
public final class AlertDocs {

    /** Types raised by the rules with memory (topology.StatefulDetection) rather than a {@link Detector}. */
    private static final Set<AlertType> WINDOWED_RULES = Set.of(AlertType.AUTH_FAILURE_BURST, AlertType.SHARED_CREDENTIAL,
            AlertType.DORMANT_IDENTITY_REACTIVATED, AlertType.CLONED_IDENTITY, AlertType.UNAPPROVED_REMOTE_SUPPORT);

    private AlertDocs() {
    }

    public static String markdownTable() {
        Set<AlertType> built = Stream.concat(Detectors.all().stream().map(Detector::type), WINDOWED_RULES.stream())
                .collect(Collectors.toSet());
        StringBuilder sb = new StringBuilder();
        sb.append("| type | status | category | severity | fires when | ATT&CK (Enterprise, ICS) | OWASP NHI | NIST CSF 2.0 | recommended action |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (AlertCatalogue.Entry e : AlertCatalogue.entries()) {
            sb.append("| `").append(e.type()).append("` | ")
                    .append(built.contains(e.type()) ? "built" : "planned").append(" | ")
                    .append(e.category()).append(" | ")
                    .append(e.severity()).append(" | ")
                    .append(e.rule()).append(" | ")
                    .append(list(e.attackTechniques())).append(" | ")
                    .append(list(e.owaspNhi())).append(" | ")
                    .append(list(e.nistCsf())).append(" | ")
                    .append(e.recommendedAction()).append(" |\n");
        }
        return sb.toString();
    }

    private static String list(List<String> ids) {
        return ids.isEmpty() ? "—" : String.join(", ", ids);
    }
}
