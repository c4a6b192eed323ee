#!/usr/bin/env bash
# How often the busy detector (run/cpu_times.h, measure/cpu_load.h) flags runs of the
# workshop deck (issue 22, item 1):
#   idle:   no other work on the machine; target: at most 2% of all timed runs flagged
#   loaded: one competing CPU-bound process for the whole check; target: at least 90% of
#           the affected parallel runs flagged: the runs of the snippets that used more
#           than one CPU in the idle pass (median CPU time over 1.3× wall time), which the
#           competitor takes a CPU from. They are chosen by snippet id from the idle pass
#           because under load the competitor itself keeps their CPU near their wall time.
# Each pass is a `deckgen check --force` on a copy of deck/ and snippets/, so every snippet
# runs and nothing in the repository is touched. Run it on an otherwise idle machine: the
# idle pass measures the machine as much as the detector. A benchmark, not a test.
#
#   bench/interference.sh [path/to/deckgen [TALK_DIR]]   (default build/deckgen, and the workshop:
#                                                         TALK_DIR/deck and TALK_DIR/snippets)
# KEEP=PREFIX keeps the two reports as PREFIX-idle.json and PREFIX-loaded.json.
# A small TALK_DIR (`deckgen init DIR` writes one) checks that the script works in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
deckgen=$(realpath "${1:-build/deckgen}")
talk=$(realpath "${2:-.}")
[[ -x $deckgen ]] || { echo "interference: build deckgen first (scripts/setup)"; exit 2; }
work=$(mktemp -d)
competitor=""
cleanup() {
  [[ -n $competitor ]] && kill "$competitor" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cp -r "$talk/deck" "$talk/snippets" "$work/"
find "$work" -name __pycache__ -prune -exec rm -rf {} +

check() {  # check NAME: one forced check, its report in $work/NAME.json (claims may fail: not the point)
  (cd "$work" && "$deckgen" check deck --force -q --report "$1.json" >/dev/null 2>&1) || true
  [[ -n ${KEEP:-} ]] && cp "$work/$1.json" "$KEEP-$1.json"
  return 0
}

check idle
# The competitor: one busy loop, started here and stopped by its pid.
/usr/bin/python3 -c 'while True: pass' &
competitor=$!
check loaded
kill "$competitor"
wait "$competitor" 2>/dev/null || true
competitor=""

/usr/bin/python3 - "$work/idle.json" "$work/loaded.json" <<'PY'
import json, sys

def runs(path):  # the judged runs: busy is null for a run deckgen made beside its own work
    report = json.load(open(path))
    for s in report["snippets"]:
        for r in s["runs"]:
            if r["busy"] is not None:
                yield s["id"], r

def unjudged(path):
    return sum(r["busy"] is None for s in json.load(open(path))["snippets"] for r in s["runs"])

def share(flagged, total):
    return f"{flagged} of {total} ({100 * flagged / total:.1f}%)" if total else "0 of 0 (the deck has none)"

idle = list(runs(sys.argv[1]))
flagged = sum(r["busy"] for _, r in idle)
verdict = "PASS" if idle and flagged <= 0.02 * len(idle) else "MISS"
print(f"idle: {share(flagged, len(idle))} judged runs flagged busy (target <= 2%): {verdict}")
print(f"  not judged (made beside deckgen's own parallel work): {unjudged(sys.argv[1])} idle, "
      f"{unjudged(sys.argv[2])} loaded")
# Which idle runs were flagged, to tell a busy machine from a detector that misreads a snippet.
for sid, r in idle:
    if r["busy"]:
        print(f"  idle flag: {sid}: wall {r['wall_seconds']:.3f} s, other CPU {r['other_cpu_seconds']:.3f} s, "
              f"snippet CPU {r['user_seconds'] + r['system_seconds']:.3f} s")

def median(values):
    values = sorted(values)
    return values[len(values) // 2] if values else 0

def parallel_ids(runs):  # snippets whose median run used more than 1.3 CPUs
    by_id = {}
    for sid, r in runs:
        if r["wall_seconds"] > 0:
            by_id.setdefault(sid, []).append((r["user_seconds"] + r["system_seconds"]) / r["wall_seconds"])
    return {sid for sid, ratios in by_id.items() if median(ratios) > 1.3}

parallel = parallel_ids(idle)
loaded = list(runs(sys.argv[2]))
affected = [r for sid, r in loaded if sid in parallel]
flagged = sum(r["busy"] for r in affected)
verdict = "PASS" if affected and flagged >= 0.9 * len(affected) else "MISS"
snippets = f"{len(parallel)} parallel snippet{'' if len(parallel) == 1 else 's'}"
print(f"loaded (one CPU-bound competitor): {share(flagged, len(affected))} runs of the {snippets} "
      f"flagged (target >= 90%): {verdict}")

# Load is never evidence against a claim (issue 22): under the competitor a claim may be
# undecided, never failed. Counted for both passes from the reports' outcomes.
def outcomes(path):
    counts = {}
    for c in json.load(open(path))["claims"]:
        counts[c["outcome"]] = counts.get(c["outcome"], 0) + 1
    return ", ".join(f"{n} {o}" for o, n in sorted(counts.items())) or "none"
print(f"  all runs flagged under load: {share(sum(r['busy'] for _, r in loaded), len(loaded))}")
print(f"claims idle: {outcomes(sys.argv[1])}; loaded: {outcomes(sys.argv[2])}")
PY
