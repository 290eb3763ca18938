#!/usr/bin/env bash
# Builds the JMH benchmarks, runs them and reports them. Results go to benchmarks-results/ (git-ignored): the JMH
# JSON, a .meta.properties file (command, machine, commit) and the rendered Markdown of that run.
#
#   scripts/bench.sh quick  [regex]    development runs: 1 fork, 2 x 1 s warm-up, 3 x 1 s measurement
#                                      (the whole suite takes about 5 minutes on 2 cores)
#   scripts/bench.sh full   [regex]    the record: 2 forks, 3 x 1 s warm-up, 5 x 1 s measurement (about 21 minutes);
#                                      without a regex it also regenerates docs/benchmarks.md
#   scripts/bench.sh report [file...]  regenerates docs/benchmarks.md from result files (later files win for the
#                                      same benchmark); default: the newest full run, else the newest run
#
# Every run enables JMH's GC profiler (bytes allocated per operation) and gives each fork a fixed 2 GiB heap.
# BENCH_JMH_OPTS="-f 2 -wi 5 -w 2s -i 6 -r 3s" replaces the mode's fork/iteration options (recorded in the command).
# BENCH_NOTE="..." adds a note on the machine to the report; BENCH_PRELIMINARY=1 marks a full run as preliminary
# (e.g. measured on a shared, noisy machine). Another JMH run on the machine makes JMH refuse to start (its lock).
# A run is bounded: each iteration times out after 2 minutes and the whole run after 15 (quick) or 45 (full) minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
mode="${1:-quick}"
regex="${2:-}"
jar=theus-benchmarks/target/benchmarks.jar
report_class=io.theus.benchmarks.report.BenchmarkReport

build() {
  mvn -B -q -ntp -Dstyle.color=never -DskipTests -pl theus-benchmarks -am package
}

case "$mode" in
  quick) opts=(-f 1 -wi 2 -w 1s -i 3 -r 1s); limit=15m ;;
  full)  opts=(-f 2 -wi 3 -w 1s -i 5 -r 1s); limit=45m ;;
  report)
    shift
    files=("$@")
    if [ ${#files[@]} -eq 0 ]; then
      newest=$(ls -t benchmarks-results/*-full.json 2>/dev/null | head -1 || true)
      [ -n "$newest" ] || newest=$(ls -t benchmarks-results/*.json 2>/dev/null | head -1 || true)
      [ -n "$newest" ] || { echo "no results in benchmarks-results/; run scripts/bench.sh quick|full first" >&2; exit 1; }
      files=("$newest")
    fi
    [ -f "$jar" ] || build
    exec "$JAVA_HOME/bin/java" -cp "$jar" "$report_class" --doc docs/benchmarks.md "${files[@]}"
    ;;
  *) echo "usage: scripts/bench.sh quick|full [regex] | report [result.json...]" >&2; exit 2 ;;
esac

if [ -n "${BENCH_JMH_OPTS:-}" ]; then
  read -r -a opts <<< "$BENCH_JMH_OPTS"
fi
build
mkdir -p benchmarks-results
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="benchmarks-results/$stamp-$mode.json"
jmh_opts=("${opts[@]}" -to 2m -prof gc -jvmArgsAppend "-Xms2g -Xmx2g")
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
git diff --quiet HEAD 2>/dev/null || commit="$commit+uncommitted changes"
cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)"
{
  echo "mode=$mode"
  echo "command=${BENCH_JMH_OPTS:+BENCH_JMH_OPTS='$BENCH_JMH_OPTS' }bash scripts/bench.sh $mode${regex:+ '$regex'}"
  echo "jmhOptions=${jmh_opts[*]}"
  echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
  echo "commit=$commit"
  echo "cpu=${cpu:-unknown}"
  echo "cpus=$(nproc 2>/dev/null || echo unknown)"
  echo "memory=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo unknown)"
  echo "os=$(uname -srm)"
  if [ -n "${BENCH_NOTE:-}" ]; then echo "note=$BENCH_NOTE"; fi
  if [ "${BENCH_PRELIMINARY:-0}" = 1 ]; then echo "preliminary=true"; fi
} > "benchmarks-results/$stamp-$mode.meta.properties"
timeout "$limit" "$JAVA_HOME/bin/java" -jar "$jar" "${jmh_opts[@]}" -rf json -rff "$out" ${regex:+"$regex"}
"$JAVA_HOME/bin/java" -cp "$jar" "$report_class" "$out" > "benchmarks-results/$stamp-$mode.md"
echo "results: $out (report: benchmarks-results/$stamp-$mode.md)"
if [ "$mode" = full ] && [ -z "$regex" ]; then
  "$JAVA_HOME/bin/java" -cp "$jar" "$report_class" --doc docs/benchmarks.md "$out"
fi
