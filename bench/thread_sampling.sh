#!/usr/bin/env bash
# What sampling a snippet's threads (`trace: threads`) costs it: a CPU-bound demo run
# through deckgen's snippet runner with and without the sampler, side by side in one
# hyperfine run (the issue asks for the sampled wall time within 3% of the plain one).
# Also a two-thread GIL demo, whose threads wake the sampler's futex reads. Needs a
# built tree (cmake --build --preset default) and hyperfine; run it on a quiet machine.
#   bench/thread_sampling.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
bin=$build/bench_sampler
[ -x "$bin" ] || { echo "missing $bin: build first" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "thread_sampling: install hyperfine (apt-get install hyperfine)"; exit 2; }
py=${PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat >"$work/cpu.py" <<'PY'
total = 0
for i in range(20_000_000):
    total += i * i
print(total)
PY
cat >"$work/gil.py" <<'PY'
import threading
def count():
    n = 0
    for _ in range(8_000_000):
        n += 1
threads = [threading.Thread(target=count) for _ in range(2)]
for t in threads: t.start()
for t in threads: t.join()
PY

args=()
for demo in cpu gil; do
  args+=(-n "$demo plain" "$bin off $py $work/$demo.py")
  args+=(-n "$demo sampled" "$bin on $py $work/$demo.py")
done
hyperfine -N --warmup 1 --min-runs 10 --export-json "$work/result.json" "${args[@]}" >/dev/null

"$py" - "$work/result.json" <<'PY'
import json, statistics, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
print(f"{'demo':<6} {'plain':>10} {'sampled':>10} {'ratio':>7}")
for name in dict.fromkeys(c.rsplit(" ", 1)[0] for c in results):
    off = statistics.median(results[f"{name} plain"]["times"])
    on = statistics.median(results[f"{name} sampled"]["times"])
    print(f"{name:<6} {off*1e3:>8.1f}ms {on*1e3:>8.1f}ms {on/off:>6.3f}x")
PY
for demo in cpu gil; do echo "$demo: $("$bin" on "$py" "$work/$demo.py" 2>&1 >/dev/null)"; done
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(uname -sr); python: $($py --version)"
