#!/usr/bin/env bash
# Starts the real console under Xvfb on a fresh temporary sandbox, at 1600x1000 and at 1280x800.
# It writes a PNG of each screen. Before the deploy: the chapter 11 panel, the plan and the deploy's
# review. During and after it: two moments of the apply, the finished deploy, the status dashboard,
# the logs, the secrets, the cost view, chapter 11 again and the connect dialog.
#
# Usage: scripts/screenshots.sh [OUT_DIR]     (default: target/screenshots)
# Needs: xvfb-run and GTK 3 (apt-get install -y xvfb libgtk-3-0).
#
# The console drives itself: -Dterrace.screenshots=DIR makes it select each screen in turn, write
# DIR/NAME.png with a scene snapshot, and quit. A screen that is missing or empty still gets its
# PNG, so look at every picture.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$(realpath -m "${1:-target/screenshots}")"

command -v xvfb-run >/dev/null || { echo "xvfb-run is missing: apt-get install -y xvfb libgtk-3-0" >&2; exit 1; }
mvn -q -B package -DskipTests -pl desktop-app -am
classpath="desktop-app/target/classes:$(cat desktop-app/target/classpath.txt)"

for size in 1600x1000 1280x800; do
  work="$(mktemp -d)"
  mkdir -p "$out/$size"
  rm -f "$out/$size"/*.png
  echo "Taking screenshots at $size into $out/$size (sandbox in $work)"
  # The script inside the app quits when done; timeout only guards against a hang.
  timeout 900 xvfb-run -a -s "-screen 0 ${size}x24" \
    java -Dterrace.home="$root" -Dterrace.screenshots="$out/$size" -cp "$classpath" dev.terrace.desktop.Launcher \
      --stack examples/guide/terrace.yaml --state-dir "$work/state" --sandbox-dir "$work/sandbox" \
      >"$work/console.log" 2>&1 || echo "The console exited with status $?; its log is $work/console.log" >&2
  grep -E "Window showing|First (window|plan|status)|Wrote|presses|gave up|script failed" "$work/console.log" || true
  ls -1 "$out/$size"
done
