package io.fleetguard.cli;

import io.fleetguard.alert.AlertDocs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code fleetguard alert-docs}: prints the alert catalogue as a Markdown table. */
@Command(name = "alert-docs", mixinStandardHelpOptions = true,
        description = "Print the alert catalogue with its framework mappings (Markdown).")
final class AlertDocsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.print(AlertDocs.markdownTable());
        out.flush();
        return 0;
    }
}
