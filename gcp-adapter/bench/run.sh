#!/usr/bin/env bash
# Runs the guide stack through the adapter against an in-process emulator and prints a Markdown
# table of wall times and request counts. Usage: gcp-adapter/bench/run.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# The reactor (-am) resolves core and the emulator to their target folders, so nothing is installed
# into the local Maven repository.
mvn -q -B test-compile dependency:build-classpath -pl gcp-adapter -am -Dmdep.outputFile=target/bench-classpath.txt
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -n 1)"
echo "Commit: $(git rev-parse --short HEAD)"
classpath="gcp-adapter/target/test-classes:gcp-adapter/target/classes:$(cat gcp-adapter/target/bench-classpath.txt)"
java -cp "$classpath" dev.terrace.gcp.bench.GuideStackAdapterBenchmark "$@"
echo
# The same latencies the core benchmark injects, to compare the adapter with the engine's bound.
java -cp "$classpath" dev.terrace.gcp.bench.GuideStackLatencyBenchmark "$@"
