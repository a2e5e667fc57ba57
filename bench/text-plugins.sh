#!/usr/bin/env bash
# Benchmarks the venting classifier and the apology linter on 2 KB texts (warm loops, one
# thread). Usage: bench/text-plugins.sh [seconds-per-case]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seconds="${1:-3}"
venting_classpath="$("$here/classpath.sh" venting-escalation)"
for mode in --rules-only --with-model; do
    java -cp "$venting_classpath" dev.ticketflow.plugins.venting.bench.ClassifierBenchmark "$seconds" "$mode"
done
java -cp "$("$here/classpath.sh" apology-tone-linter)" \
    dev.ticketflow.plugins.apology.bench.LinterBenchmark "$seconds"
