#!/usr/bin/env bash
# Prints the evaluation of both text plugins on their labelled sets: per-class precision, recall
# and F1 for venting-escalation, per-rule precision and recall and the false positives on clean
# replies for apology-tone-linter, each for the dev split, the held-out split and both (and, for
# venting-escalation, the fresh splits that were never tuned on).
# Usage: bench/eval-report.sh [--mistakes] [--rules-only]
#   --rules-only: venting-escalation without its sentence encoder (the linter ignores it)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
java -cp "$("$here/classpath.sh" venting-escalation)" \
    dev.ticketflow.plugins.venting.eval.VentingEvalReport "$@"
java -cp "$("$here/classpath.sh" apology-tone-linter)" \
    dev.ticketflow.plugins.apology.eval.LinterEvalReport "$@"
