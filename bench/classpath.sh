#!/usr/bin/env bash
# Helper for the bench scripts: compiles the two text plugins with their tests (offline, no
# install) and prints, for a module, the class path that runs its test-scope main classes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
module="$1"
cd "$root"
mvn -q -o test-compile dependency:build-classpath \
    -pl "plugins/$module" -am \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
echo "$root/plugins/$module/target/test-classes:$root/plugins/$module/target/classes:$(cat "$root/plugins/$module/target/bench-classpath.txt")"
