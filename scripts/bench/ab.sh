#!/usr/bin/env bash
# Alternating A/B runs of `fleetguard bench`, because one run moves by ±20 % on a shared 2-core machine.
#
# usage: scripts/bench/ab.sh RUNS VARIANT VARIANT... [-- COMMON BENCH ARGS]
#   VARIANT is LABEL:JAR:ARGS; an empty JAR means streams-app/target/fleetguard.jar, ARGS are added to
#   the common ones for that variant only (e.g. --set input.rekey.enabled=false).
# example:
#   scripts/bench/ab.sh 3 'default::' 'no-rekey::--set input.rekey.enabled=false' \
#       -- --events 200000 --latency-seconds 5 --latency-warmup-seconds 1
#
# The variants run in turn, RUNS rounds, one at a time (run nothing else meanwhile). Every run's whole
# output is kept in $OUT (default: a new directory under /tmp); one line per run and a summary per
# variant (mean, min, max) are printed from each run's final JSON line.
set -euo pipefail

if [[ $# -lt 2 ]]; then
  sed -n '2,14p' "$0" >&2
  exit 2
fi
runs=$1
shift
variants=()
while [[ $# -gt 0 && $1 != "--" ]]; do
  variants+=("$1")
  shift
done
[[ $# -gt 0 ]] && shift
common=("$@")
out=${OUT:-$(mktemp -d /tmp/bench-ab.XXXXXX)}
mkdir -p "$out"
default_jar="$(cd "$(dirname "$0")/../.." && pwd)/streams-app/target/fleetguard.jar"

for variant in "${variants[@]}"; do
  IFS=: read -r label jar _ <<<"$variant"
  jar=${jar:-$default_jar}
  [[ -f $jar ]] || { echo "variant $label: no jar at $jar (build with: mvn -B -q package -DskipTests)" >&2; exit 2; }
  [[ $label =~ ^[A-Za-z0-9._-]+$ ]] || { echo "variant label '$label': letters, digits, . _ - only" >&2; exit 2; }
done

echo "runs in $out" >&2
for ((round = 1; round <= runs; round++)); do
  for variant in "${variants[@]}"; do
    label=${variant%%:*}
    rest=${variant#*:}
    jar=${rest%%:*}
    jar=${jar:-$default_jar}
    args=${rest#*:}
    log="$out/$label-$round.out"
    echo "round $round, $label: java -jar $jar bench ${common[*]} $args" >&2
    # shellcheck disable=SC2086 # the variant's ARGS are split on purpose
    if ! java -jar "$jar" bench "${common[@]}" $args >"$log" 2>&1; then
      echo "  failed, see $log" >&2
      exit 1
    fi
  done
done

python3 - "$out" "${variants[@]}" <<'PY'
import json, pathlib, statistics, sys

out = pathlib.Path(sys.argv[1])
labels = [v.split(':', 1)[0] for v in sys.argv[2:]]
print(f"{'variant':<16} {'run':>3} {'ratio':>6} {'cpu ratio':>9} {'baseline us':>11} {'fleetguard us':>13} "
      f"{'written/rec':>11} {'processed/rec':>13} {'p99 ms':>7}")
per_label = {}
for label in labels:
    for log in sorted(out.glob(f"{label}-*.out"), key=lambda p: int(p.stem.rsplit('-', 1)[1])):
        lines = [l for l in log.read_text().splitlines() if l.startswith('{')]
        if not lines:
            sys.exit(f"{log}: no JSON line")
        d = json.loads(lines[-1])
        b, f = d['baseline'], d['fleetguard']
        per_label.setdefault(label, []).append(d)
        print(f"{label:<16} {log.stem.rsplit('-', 1)[1]:>3} {d['ratio_vs_baseline']:>6.3f} {d['cpu_ratio_vs_baseline']:>9.3f} "
              f"{b['stream_thread_cpu_us_per_record']:>11.1f} {f['stream_thread_cpu_us_per_record']:>13.1f} "
              f"{f['written_per_record']:>11.3f} {f['processed_per_record']:>13.3f} {f['p99_ms']:>7}")
print()
print(f"{'variant':<16} {'fleetguard us/record: mean':>26} {'min':>6} {'max':>6}   {'cpu ratio: mean':>15} {'min':>6} {'max':>6}")
for label, runs in per_label.items():
    us = [r['fleetguard']['stream_thread_cpu_us_per_record'] for r in runs]
    cr = [r['cpu_ratio_vs_baseline'] for r in runs]
    print(f"{label:<16} {statistics.mean(us):>26.1f} {min(us):>6.1f} {max(us):>6.1f}   "
          f"{statistics.mean(cr):>15.3f} {min(cr):>6.3f} {max(cr):>6.3f}")
PY
