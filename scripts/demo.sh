#!/usr/bin/env bash
# Builds the project and runs the warehouse demo on the default in-memory store.
# Usage: scripts/demo.sh [example-name]   (see: scripts/demo.sh --list)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! mvn -B -q -ntp -Dstyle.color=never -DskipTests -pl theus-examples -am package > "$log" 2>&1; then
  cat "$log" >&2
  echo "demo: the build failed (output above)" >&2
  exit 1
fi
exec "$JAVA_HOME/bin/java" -jar theus-examples/target/theus-examples-demo.jar "${@:-warehouse}"
