#!/usr/bin/env bash
# Benchmarks the venting classifier and the apology linter on 2 KB texts (warm loops, one
# thread). Usage: bench/text-plugins.sh [seconds-per-case]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seconds="${1:-3}"
java -cp "$("$here/classpath.sh" venting-escalation)" \
    dev.ticketflow.plugins.venting.bench.ClassifierBenchmark "$seconds"
java -cp "$("$here/classpath.sh" apology-tone-linter)" \
    dev.ticketflow.plugins.apology.bench.LinterBenchmark "$seconds"
