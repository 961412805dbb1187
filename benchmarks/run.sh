#!/usr/bin/env bash
# Builds the benchmarks and runs the apply and plan measurements on the in-memory gateway, or with
# --cost the cost estimate's recompute time instead.
# Usage: benchmarks/run.sh [--skip-serial | --cost]   (--skip-serial leaves out the 1,000-resource
# run at parallelism 1, which takes about four minutes.)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B package -DskipTests -pl benchmarks -am
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -n 1)"
echo "Commit: $(git rev-parse --short HEAD)"
main=dev.terrace.benchmarks.ApplyBenchmark
if [[ "${1:-}" == "--cost" ]]; then
  main=dev.terrace.benchmarks.CostBenchmark
  shift
fi
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  "$main" examples/guide/terrace.yaml "$@"
