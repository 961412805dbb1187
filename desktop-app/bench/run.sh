#!/usr/bin/env bash
# Console benchmarks (not tests), on a real window under Xvfb:
#  1. launch: the real app on a sandbox, RUNS times, the first on an empty sandbox folder and the
#     rest on the same folder again. It reads the app's log lines "Window showing", "First plan
#     loaded" and "First status loaded". Each gives milliseconds since the JVM started and, in
#     brackets, the process's CPU time by then, which shows how much of the wait a busy machine added;
#  2. stall: the longest UI-thread stall while the console applies a generated 1,000-resource
#     stack on the in-memory gateway (dev.terrace.desktop.bench.ApplyStallBenchmark).
# Usage: desktop-app/bench/run.sh [RUNS]   (default 3). Needs xvfb and libgtk-3-0.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
runs="${1:-3}"
command -v Xvfb >/dev/null || { echo "Xvfb is missing: apt-get install -y xvfb libgtk-3-0" >&2; exit 1; }

mvn -q -B package -DskipTests -pl desktop-app -am
classpath="desktop-app/target/classes:$(cat desktop-app/target/classpath.txt)"
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -n 1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Commit: $(git rev-parse --short HEAD)"

# One X server for every run, on a display number no other server uses.
display=99
while [[ -e "/tmp/.X11-unix/X$display" || -e "/tmp/.X$display-lock" ]]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
work="$(mktemp -d)"
app_pid=""
cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT
sleep 1

# Prints "WALL (CPU)" from the first log line of the moment $2, or "n/a".
millis() {
  local line
  line="$(grep -m1 -o "$2 [0-9]* ms after the JVM started, after [0-9]* ms" "$1")" || { echo "n/a"; return; }
  echo "$line" | awk '{print $(NF-8) " (" $(NF-1) ")"}'
}

echo
echo "| run | sandbox folder | window showing ms (CPU ms) | first plan ms (CPU ms) | first status ms (CPU ms) |"
echo "|---|---|---|---|---|"
for run in $(seq 1 "$runs"); do
  # The console logs to terrace-console.log under its state folder's logs/.
  log="$work/state/logs/terrace-console.log"
  rm -f "$log"
  # The same JVM flags as ./terrace console, unless TERRACE_JAVA_OPTS replaces them.
  DISPLAY=":$display" java ${TERRACE_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -Dterrace.home="$root" \
    -cp "$classpath" dev.terrace.desktop.Launcher \
    --stack examples/guide/terrace.yaml --state-dir "$work/state" --sandbox-dir "$work/sandbox" >"$work/launch-$run.out" 2>&1 &
  app_pid=$!
  # Wait up to 120 s for the first plan, then up to 15 s more for a status, which needs the status view.
  for _ in $(seq 1 240); do grep -qs "First plan loaded" "$log" && break; sleep 0.5; done
  for _ in $(seq 1 30); do grep -qs "First status loaded" "$log" && break; sleep 0.5; done
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
  folder=$([[ $run == 1 ]] && echo "empty" || echo "reused")
  echo "| $run | $folder | $(millis "$log" "Window showing") | $(millis "$log" "First plan loaded") | $(millis "$log" "First status loaded") |"
done

echo
DISPLAY=":$display" java -cp "desktop-app/target/test-classes:$classpath" dev.terrace.desktop.bench.ApplyStallBenchmark \
  2>"$work/stall.err" | grep -v "^[0-9][0-9]:[0-9][0-9]:"
