#!/usr/bin/env bash
# Timeline rendering: time to read, merge and draw a trace of 1k, 10k and 100k events,
# and the size of the SVG a slide gets. Needs a built tree (cmake --build --preset
# default) and hyperfine.
#   bench/timeline.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
bin=$build/bench_timeline
[ -x "$bin" ] || { echo "missing $bin: build first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

commands=()
for n in 1000 10000 100000; do
  /usr/bin/python3 "$here/make_trace.py" "$n" "$work/trace-$n.json"
  commands+=("$bin $work/trace-$n.json > $work/out-$n.svg")
done
hyperfine --warmup 2 --min-runs 10 --export-markdown "$work/times.md" "${commands[@]}" >&2
echo
echo "| events | trace JSON | SVG | render time (mean ± σ) |"
echo "|---:|---:|---:|---:|"
i=0
for n in 1000 10000 100000; do
  "$bin" "$work/trace-$n.json" > "$work/out-$n.svg"
  json=$(stat -c %s "$work/trace-$n.json")
  svg=$(stat -c %s "$work/out-$n.svg")
  time=$(awk -F'|' -v row=$((i + 3)) 'NR == row { gsub(/^ +| +$/, "", $3); print $3 }' "$work/times.md")
  printf '| %s | %s KiB | %s KiB | %s ms |\n' "$n" $((json / 1024)) $((svg / 1024)) "$time"
  i=$((i + 1))
done
