package io.fleetguard.cli;

import io.fleetguard.config.ConfigDocs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code fleetguard config-docs}: prints the configuration reference as a Markdown table. */
@Command(name = "config-docs", mixinStandardHelpOptions = true,
        description = "Print every configuration key with its default and meaning (Markdown).")
final class ConfigDocsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.print(ConfigDocs.markdownTable());
        out.flush();
        return 0;
    }
}
