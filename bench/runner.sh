#!/usr/bin/env bash
# deckgen's snippet runner against `hyperfine -N`, side by side in one run (issue 3):
#   - per-run overhead: the time each tool measures for `/bin/true`;
#   - the median of `/bin/sleep 0.2` and of a fixed ~0.3 s Python CPU loop.
# Both tools run the same programs directly (no shell), the same number of times, in
# alternating rounds (deckgen, hyperfine, deckgen, ...) so that a change in the
# machine's load hits both alike: many short rounds rather than a few long ones. Medians
# are pooled over all rounds; the ratio of the minimums is printed too, as on a shared
# machine it shows whether a miss is the tool or the load.
#
# Targets: deckgen's time for `true` at most 5% above hyperfine's (it may be lower: it
# times the snippet from its own launcher); the two medians within 3% of hyperfine's.
# Prints a Markdown block (machine, load, commands, table with PASS/MISS) to stdout and
# to bench/work/runner.md. A benchmark, not a test: it exits 0 once it has measured.
#
# Environment: BENCH_ROUNDS (default 5), BENCH_RUNS (timed runs of sleep and Python per
# round, default 10), BENCH_TRUE_RUNS (of `true` per round, default 200),
# BENCH_LOOP (iterations of the Python loop, default 6000000), PYTHON (/usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${BENCH_ROUNDS:-5}
runs=${BENCH_RUNS:-10}
true_runs=${BENCH_TRUE_RUNS:-200}
loop=${BENCH_LOOP:-6000000}
py=${PYTHON:-/usr/bin/python3}
command -v hyperfine >/dev/null || { echo "runner.sh: install hyperfine (apt-get install hyperfine)" >&2; exit 2; }
[[ -f build/build.ninja ]] || cmake --preset default >&2
cmake --build --preset default -j2 >&2
deckgen=$PWD/build/deckgen

work=$PWD/bench/work/runner
rm -rf "$work"
mkdir -p "$work/deck" "$work/snippets" "$work/out"

# --- the deck: the three programs as run blocks ---------------------------------------
# `noop` and `sleep` are languages added by the front matter that run the program
# itself (the .noop/.sleep file is only a name), so deckgen runs exactly what hyperfine does.
: >"$work/snippets/true.noop"
: >"$work/snippets/sleep.sleep"
cat >"$work/snippets/loop.py" <<PY
n = 0
for i in range($loop):
    n += i
PY
cat >"$work/deck/01.md" <<MD
---
python: $py
languages:
  noop: {extensions: [.noop], run: [/bin/true], highlight: text}
  sleep: {extensions: [.sleep], run: [/bin/sleep], highlight: text}
---
# Runner benchmark

\`\`\`run
file: true.noop
runs: $true_runs
warmup: 3
show: [timing]
\`\`\`

\`\`\`run
file: sleep.sleep
args: ["0.2"]
runs: $runs
warmup: 1
show: [timing]
\`\`\`

\`\`\`run
file: loop.py
runs: $runs
warmup: 1
show: [timing]
\`\`\`
MD

# --- alternating rounds ---------------------------------------------------------------
# hyperfine's children get the environment and kind of working folder deckgen gives a
# snippet (docs/snippets.md, "Each run"), so both time the same process.
mkdir -p "$work/scratch"
same_env=(env -i "PATH=$PATH" "HOME=$work/scratch" "TMPDIR=$work/scratch" LANG=C.UTF-8 LC_ALL=C.UTF-8
          "PYTHONPATH=$work/snippets" PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1)
cat /proc/loadavg >"$work/load-before.txt"
for round in $(seq "$rounds"); do
  echo "runner.sh: round $round/$rounds: deckgen" >&2
  "$deckgen" build "$work/deck" -o "$work/out/deck.html" --report "$work/deckgen-$round.json" -q >&2 || true
  echo "runner.sh: round $round/$rounds: hyperfine" >&2
  (cd "$work/scratch" && "${same_env[@]}" hyperfine -N --style none --warmup 3 --runs "$true_runs" \
    --export-json "$work/hyperfine-true-$round.json" -n true /bin/true >/dev/null)
  (cd "$work/scratch" && "${same_env[@]}" hyperfine -N --style none --warmup 1 --runs "$runs" \
    --export-json "$work/hyperfine-$round.json" -n sleep "/bin/sleep 0.2" -n loop "$py $work/snippets/loop.py" >/dev/null)
done
cat /proc/loadavg >"$work/load-after.txt"

# --- the table ------------------------------------------------------------------------
"$py" - "$work" "$rounds" "$runs" "$true_runs" "$loop" "$py" <<'PY' | tee bench/work/runner.md
import glob, json, os, platform, statistics, subprocess, sys
work, rounds, runs, true_runs, loop, py = sys.argv[1:]

deckgen, busy = {}, {}
for f in sorted(glob.glob(f"{work}/deckgen-*.json")):
    for s in json.load(open(f))["snippets"]:
        name = {"true": "true", "sleep": "sleep", "loop": "loop"}[s["id"]]
        deckgen.setdefault(name, []).extend(r["wall_seconds"] for r in s["runs"])
        busy[name] = busy.get(name, 0) + s["busy_runs"]
hyperfine = {}
for f in sorted(glob.glob(f"{work}/hyperfine-*.json")):
    for r in json.load(open(f))["results"]:
        hyperfine.setdefault(r["command"], []).extend(r["times"])

def cpu():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()

def fmt(seconds):
    return f"{seconds * 1e3:.3f} ms" if seconds < 0.01 else f"{seconds * 1e3:.1f} ms"

pyver = subprocess.run([py, "--version"], capture_output=True, text=True).stdout.strip()
hfver = subprocess.run(["hyperfine", "--version"], capture_output=True, text=True).stdout.strip()
print("### Snippet runner against hyperfine (`bench/runner.sh`)\n")
print(f"Machine: {cpu()}, {os.cpu_count()} logical cores, {platform.system()} {platform.release()}; "
      f"{pyver}; {hfver}.  ")
print(f"Load average before / after: {open(work + '/load-before.txt').read().split()[0]} / "
      f"{open(work + '/load-after.txt').read().split()[0]}.  ")
print(f"{rounds} alternating rounds; per round `true` {true_runs} runs, the others {runs} runs each "
      f"(hyperfine `-N`, deckgen `runs:` in a run block); medians pooled over the rounds.\n")
print("| program | deckgen median | hyperfine -N median | deckgen / hyperfine | target | result | ratio of minimums |")
print("|---|---|---|---|---|---|---|")
rows = [("true", "`/bin/true` (per-run overhead)", "≤ 1.05×", lambda r: r <= 1.05),
        ("sleep", "`/bin/sleep 0.2`", "within 3%", lambda r: abs(r - 1) <= 0.03),
        ("loop", f"Python loop, {int(loop):,} iterations", "within 3%", lambda r: abs(r - 1) <= 0.03)]
for key, label, target, ok in rows:
    d, h = deckgen.get(key), hyperfine.get(key)
    if not d or not h:
        print(f"| {label} | {'n/a' if not d else fmt(statistics.median(d))} | {'n/a' if not h else fmt(statistics.median(h))} | | {target} | MISSING | |")
        continue
    dm, hm = statistics.median(d), statistics.median(h)
    ratio = dm / hm
    print(f"| {label} | {fmt(dm)} (n={len(d)}) | {fmt(hm)} (n={len(h)}) | {ratio:.3f} | {target} | {'PASS' if ok(ratio) else 'MISS'} | {min(d) / min(h):.3f} |")
flagged = ", ".join(f"{k} {v}" for k, v in busy.items() if v)
print(f"\nRuns deckgen flagged as made on a busy machine: {flagged or 'none'}.")
PY
