#!/usr/bin/env bash
# Regenerates README's configuration and alert tables from the code (ConfigKeys, AlertCatalogue).
# ReadmeConfigTableTest and ReadmeAlertCatalogueTest fail until this is run after such a change.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl streams-app -am compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
cp="streams-app/target/classes:schemas/target/classes:$(cat streams-app/target/cp.txt)"
tmp=$(mktemp -d)
java -cp "$cp" io.fleetguard.cli.FleetGuardCli config-docs > "$tmp/config.md"
java -cp "$cp" io.fleetguard.cli.FleetGuardCli alert-docs > "$tmp/alert.md"
replace() { # marker, file
  awk -v marker="$1" -v file="$2" '
    $0 ~ "<!-- " marker ":begin" { print; while ((getline line < file) > 0) print line; skip = 1; next }
    $0 ~ "<!-- " marker ":end" { skip = 0 }
    !skip { print }' README.md > "$tmp/README.md" && mv "$tmp/README.md" README.md
}
replace config-table "$tmp/config.md"
replace alert-table "$tmp/alert.md"
rm -rf "$tmp"
echo "README tables regenerated"
