#!/usr/bin/env bash
# The authoring loop on the workshop deck (issue 5's targets), on a copy of deck/ and
# snippets/ so nothing in the repository is touched:
#   cold build: how much beyond the snippets' own compile and run time
#   rebuild with nothing changed: runs no snippet, under 50 ms (hyperfine)
#   one slide's prose edited: reruns nothing
#   one snippet edited: reruns only that snippet
set -euo pipefail
cd "$(dirname "$0")/.."
deckgen=$PWD/build/deckgen
[[ -x $deckgen ]] || { echo "authoring: build deckgen first (scripts/setup)"; exit 2; }
command -v hyperfine >/dev/null || { echo "authoring: install hyperfine"; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r deck snippets "$work/"
find "$work" -name __pycache__ -prune -exec rm -rf {} +
cd "$work"
ran() { /usr/bin/python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(sum(1 for s in r["snippets"] if not s["from_cache"]))' "$1"; }

start=$(date +%s.%N)
"$deckgen" build deck -o out/deck.html --report cold.json -q 2>/dev/null || true
end=$(date +%s.%N)
/usr/bin/python3 - "$start" "$end" cold.json <<'PY'
import json, sys
start, end, report = float(sys.argv[1]), float(sys.argv[2]), json.load(open(sys.argv[3]))
own = sum(s["compile_seconds"] + s.get("warmup_seconds", 0) + sum(r["wall_seconds"] for r in s["runs"])
          for s in report["snippets"])
total = end - start
print(f"cold build: {total:.1f} s wall; the snippets' own compile + warmup + timed runs: {own:.1f} s "
      f"({len(report['snippets'])} snippets)")
print(f"  beyond the snippets' own time: {total - own:+.1f} s ({(total - own) / own * 100:+.1f}%; target < +5%)"
      "  [negative: untimed snippets ran in parallel]")
PY

hyperfine -N --warmup 2 --runs 20 --export-json nochange.json "$deckgen build deck -o out/deck.html -q" >/dev/null
/usr/bin/python3 -c '
import json, statistics
t = json.load(open("nochange.json"))["results"][0]["times"]
m = statistics.median(t) * 1e3
verdict = "PASS" if m < 50 else "MISS"
print(f"rebuild, nothing changed: median {m:.1f} ms over {len(t)} runs (target < 50 ms: {verdict})")'
"$deckgen" build deck -o out/deck.html --report nochange-report.json -q 2>/dev/null || true
echo "  snippets run: $(ran nochange-report.json) (target 0)"

sed -i '0,/^Note:/s//The authoring benchmark added this sentence.\n\nNote:/' deck/03-what.md
"$deckgen" build deck -o out/deck.html --report prose.json -q 2>/dev/null || true
echo "one slide's prose edited: snippets run: $(ran prose.json) (target 0)"

echo "# edited by the authoring benchmark" >>snippets/what/round_robin.py
"$deckgen" build deck -o out/deck.html --report snippet.json -q 2>/dev/null || true
echo "one snippet edited (what/round_robin.py): snippets run: $(ran snippet.json) (target: those running that file)"
/usr/bin/python3 -c 'import json,sys; print("  rerun:", ", ".join(s["id"] for s in json.load(open(sys.argv[1]))["snippets"] if not s["from_cache"]))' snippet.json
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(uname -sr)"
