#!/usr/bin/env bash
# A competing CPU-bound process during a claim's runs (issue 22): the claim comes out
# "undecided: the machine was busy", never failed. The competitor and deckgen are pinned
# to the same CPU (taskset, --cpus), so every run shares it and the interference is
# certain; the competitor is bounded in time and stopped by its pid. Runs alone (RUN_SERIAL).
source "$(dirname "$0")/lib.sh"

cpu=$(python3 -c 'import os; print(min(os.sched_getaffinity(0)))')
competitor=""
stop_competitor() {
  [[ -n $competitor ]] && kill "$competitor" 2>/dev/null && wait "$competitor" 2>/dev/null
  competitor=""
}
trap 'stop_competitor; rm -rf "$WORK"' EXIT

mkdir -p "$WORK/deck" "$WORK/snippets"
cat >"$WORK/deck/01.md" <<'MD'
# Spin

```run
file: spin.py
runs: 3
warmup: 0
show: [output, timing]
```

```claim
value: spin.wall
below: 60
max_runs: 6
budget: 20
```
MD
# About 0.2 s of CPU: the competitor takes half of the one CPU during each run.
echo 'print(sum(i * i for i in range(1_500_000)))' >"$WORK/snippets/spin.py"

taskset -c "$cpu" python3 -c '
import time
end = time.monotonic() + 240
while time.monotonic() < end: pass' &
competitor=$!

expect_exit 1 "$DECKGEN" check "$WORK/deck" --cpus "$cpu" --report "$WORK/report.json"
expect_stderr "error: claim undecided: not decided: the machine was busy \(other processes used [0-9.]+ of 1 cores? during these runs\)"
expect_stderr "rerun on an idle machine"
grep -q "claim failed" "$WORK/stderr" && fail "load made the claim fail: $(cat "$WORK/stderr")"
python3 - "$WORK/report.json" <<'PY' || fail "the report does not show the busy runs"
import json, sys
r = json.load(open(sys.argv[1]))
spin = next(s for s in r["snippets"] if s["id"] == "spin")
assert spin["busy_runs"] == len(spin["runs"]) >= 3, (spin["busy_runs"], len(spin["runs"]))
claim = r["claims"][0]
assert claim["outcome"] == "undecided", claim
assert "made while the machine was busy left out (spin: runs 1, 2, 3" in claim["evidence"], claim["evidence"]
PY

# `build` writes the deck and exits 0: undecided is a warning, shown amber.
expect_exit 0 "$DECKGEN" build "$WORK/deck" -o "$WORK/out/deck.html" --cpus "$cpu"
expect_stderr "warning: claim undecided: not decided: the machine was busy"
expect_file_contains "$WORK/out/deck.html" 'class="claim undecided"'
stop_competitor
finish
