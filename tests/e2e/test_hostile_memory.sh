#!/usr/bin/env bash
# Memory on hostile Markdown (issue 24, item 5): peak memory stays within the bound the
# docs/performance.md states, 64 MiB plus 512 bytes per byte of Markdown, on the red team's shapes
# (at 1 MB each: they took 2 MB of '[' 700 MB, a 20 MB word 5.5 GB, 10.5 MB of short
# paragraphs 3.2 GB, all linear in the input). Memory, not time: the `timeout`s only
# stop a hang from stalling CI.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"

# peak_rss_within NAME: builds deck NAME and checks its peak RSS against the bound.
peak_rss_within() {
  "$PY" - "$DECKGEN" "$WORK/$1/deck" "$WORK/$1/out.html" <<'PY' || fail "$1: over the memory bound"
import os, resource, subprocess, sys
deckgen, deck, out = sys.argv[1:]
size = sum(os.path.getsize(os.path.join(deck, f)) for f in os.listdir(deck))
run = subprocess.run(["timeout", "300", deckgen, "build", "-q", "--no-cache", deck, "-o", out],
                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
bound = (64 << 20) + 512 * size
print(f"  {os.path.basename(os.path.dirname(deck))}: {size} bytes, peak {peak >> 20} MiB, bound {bound >> 20} MiB")
if run.returncode != 0:
    print("  exit", run.returncode, run.stderr[:300])
sys.exit(0 if run.returncode == 0 and peak <= bound else 1)
PY
}

shape() { new_deck "$1"; { printf '# Shape\n\n'; "$PY" -c "print($2, end='')"; } | slides "$1"; }
shape brackets "'[' * 1_000_000"
shape word "'w' * 1_000_000"  # 'w' may start a www. autolink: each one is a node of its own
shape paragraphs "'a\\n\\n' * 350_000"
shape emphasis "'*a* ' * 260_000"
for name in brackets word paragraphs emphasis; do peak_rss_within "$name"; done
finish
