#!/usr/bin/env bash
# What the trace helper costs a snippet: the same workshop snippets run untraced and
# traced (DECKGEN_TRACE=1, writing trace-*.json), side by side in one hyperfine run,
# plus a synthetic worst case of 100,000 empty spans. Prints the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "trace_overhead: install hyperfine (apt-get install hyperfine)"; exit 2; }
py=${PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PYTHONPATH="$PWD/snippets:$PWD/generator/assets" PYTHONDONTWRITEBYTECODE=1  # the helper ships in deckgen

cat >"$work/spans.py" <<'PY'
from deckgen_trace import span
for _ in range(100_000):
    with span("tick"):
        pass
PY

snippets=(snippets/running/gil_timeline.py snippets/coroutines/fetch_gather.py snippets/sharing/pipeline.py "$work/spans.py")
args=()
for s in "${snippets[@]}"; do
  name=$(basename "$s" .py)
  args+=(-n "$name untraced" "env -u DECKGEN_TRACE DECKGEN_OUT_DIR=$work/off $py $s")
  args+=(-n "$name traced" "env DECKGEN_TRACE=1 DECKGEN_OUT_DIR=$work/on $py $s")
done
mkdir -p "$work/on" "$work/off"
hyperfine -N --warmup 1 --min-runs 5 --export-json "$work/result.json" \
  --prepare "rm -f $work/on/* $work/off/*" "${args[@]}" >/dev/null

"$py" - "$work/result.json" <<'PY'
import json, statistics, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
print(f"{'snippet':<16} {'untraced':>10} {'traced':>10} {'overhead':>9}")
for name in dict.fromkeys(c.rsplit(" ", 1)[0] for c in results):
    off = statistics.median(results[f"{name} untraced"]["times"])
    on = statistics.median(results[f"{name} traced"]["times"])
    print(f"{name:<16} {off*1e3:>8.1f}ms {on*1e3:>8.1f}ms {on/off:>8.2f}x")
PY
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(uname -sr); python: $($py --version)"
