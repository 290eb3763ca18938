#!/usr/bin/env bash
# Builds the project and runs the warehouse demo on the default in-memory store.
# Usage: scripts/demo.sh [example-name]   (see: scripts/demo.sh --list)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
mvn -B -q -ntp -Dstyle.color=never -DskipTests -pl theus-examples -am package
exec "$JAVA_HOME/bin/java" -jar theus-examples/target/theus-examples-demo.jar "${@:-warehouse}"
