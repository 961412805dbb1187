#!/usr/bin/env bash
# Measures the emulator's start time and its heap with the guide's whole stack created.
# Usage: gcp-emulator/bench/run.sh   (from anywhere; builds the module first)
set -euo pipefail

module="$(cd "$(dirname "$0")/.." && pwd)"
root="$(dirname "$module")"
classpath_file="$module/target/bench-classpath.txt"
runtime_classpath_file="$module/target/bench-runtime-classpath.txt"

cd "$root"
mvn -q -B -pl gcp-emulator -am install -DskipTests
mvn -q -B -pl gcp-emulator test-compile dependency:build-classpath \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
mvn -q -B -pl gcp-emulator dependency:build-classpath \
  -Dmdep.outputFile="$runtime_classpath_file" -Dmdep.includeScope=runtime
classpath="$module/target/classes:$module/target/test-classes:$(cat "$classpath_file")"
runtime_classpath="$module/target/classes:$(cat "$runtime_classpath_file")"

echo "load_average_before $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. Standalone start on the module's runtime class path: JVM launch until the endpoints are printed.
output="$(mktemp)"
# Measures one standalone start with the given JVM flags and prints it under the given name.
measure_standalone() {
  local name="$1"
  shift
  local output started ready emulator_pid
  output="$(mktemp)"
  started=$(date +%s%N)
  java "$@" -Xmx256m -Dlogback.configurationFile="$module/src/test/resources/logback-test.xml" \
    -cp "$runtime_classpath" dev.terrace.emulator.EmulatorMain >"$output" 2>/dev/null &
  emulator_pid=$!
  until grep -q '^storage ' "$output"; do
    if ! kill -0 "$emulator_pid" 2>/dev/null; then
      echo "the emulator exited before printing its endpoints" >&2
      exit 1
    fi
    sleep 0.02
  done
  ready=$(date +%s%N)
  kill "$emulator_pid"
  wait "$emulator_pid" 2>/dev/null || true
  rm -f "$output"
  echo "$name $(( (ready - started) / 1000000 ))"
}

measure_standalone standalone_start_ms
# The flags the terrace launcher passes, which trade peak speed for start-up.
measure_standalone standalone_start_launcher_flags_ms -XX:TieredStopAtLevel=1 -XX:+UseSerialGC

# 2. In-process start and heap with the guide's stack, under a 256 MB heap limit.
java -Xmx256m -cp "$classpath" dev.terrace.emulator.bench.GuideStackBenchmark
