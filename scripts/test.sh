#!/usr/bin/env bash
# Runs every test of every module (unit tests and *IT integration tests): mvn verify with a JDK >= 21.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
exec mvn -B -ntp -Dstyle.color=never verify "$@"
