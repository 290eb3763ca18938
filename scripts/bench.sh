#!/usr/bin/env bash
# Builds the JMH benchmarks and runs them. Results (JSON) go to benchmarks-results/.
#   scripts/bench.sh quick [regex]   short runs for development (1 fork, 2 x 1 s warm-up, 3 x 1 s measurement)
#   scripts/bench.sh full  [regex]   the record (2 forks, 5 x 2 s warm-up, 5 x 2 s measurement)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
mode="${1:-quick}"
regex="${2:-.*}"
case "$mode" in
  quick) opts=(-f 1 -wi 2 -w 1s -i 3 -r 1s) ;;
  full)  opts=(-f 2 -wi 5 -w 2s -i 5 -r 2s) ;;
  *) echo "usage: scripts/bench.sh [quick|full] [regex]" >&2; exit 2 ;;
esac
mvn -B -q -ntp -Dstyle.color=never -DskipTests -pl theus-benchmarks -am package
mkdir -p benchmarks-results
out="benchmarks-results/$(date -u +%Y%m%dT%H%M%SZ)-$mode.json"
"$JAVA_HOME/bin/java" -jar theus-benchmarks/target/benchmarks.jar "${opts[@]}" -rf json -rff "$out" "$regex"
echo "results: $out"
