#!/usr/bin/env bash
# --cpus LIST: deckgen restricts itself (and so its snippets) to those CPUs before
# anything runs; the snippets' DECKGEN_CPUS, the report and the last slide say so; a CPU
# it may not use, or a list that is not one, is an input error that writes nothing. A
# result measured under one mask is not served under another of the same size.
source "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/deck" "$WORK/snippets"
cat >"$WORK/deck/01.md" <<'MD'
# Cores

```run
file: cores.sh
runs: 1
warmup: 0
```

{{machine.cores}} cores here.
MD
echo 'echo "cpus=$DECKGEN_CPUS physical=$DECKGEN_PHYSICAL_CORES nproc=$(nproc)"' >"$WORK/snippets/cores.sh"
one_cpu=$(python3 -c 'import os; print(min(os.sched_getaffinity(0)))')  # the first CPU we may use

expect_exit 0 "$DECKGEN" build "$WORK/deck" -o "$WORK/out/deck.html" --report "$WORK/report.json" --cpus "$one_cpu"
expect_file_contains "$WORK/out/deck.html" "cpus=1 physical=1 nproc=1"
expect_file_contains "$WORK/out/deck.html" "affinity mask $one_cpu (--cpus $one_cpu)"
python3 - "$WORK/report.json" "$one_cpu" <<'PY' || fail "the report does not record --cpus"
import json, sys
m = json.load(open(sys.argv[1]))["provenance"]["machine"]
assert m["affinity"] == sys.argv[2], m
assert m["cpus_requested"] == sys.argv[2], m
assert m["usable_cores"] == 1 and m["usable_physical_cores"] == 1, m
PY

# Two masks of one size do not share results (cache/cache_key.h names the CPUs, not only
# how many): under another single CPU the snippet runs again; back on the first, its own
# result comes from the cache.
other_cpu=$(python3 -c 'import os; s = sorted(os.sched_getaffinity(0)); print(s[1] if len(s) > 1 else "")')
if [[ -n $other_cpu ]]; then
  expect_exit 0 "$DECKGEN" build "$WORK/deck" -o "$WORK/out/deck.html" --cpus "$other_cpu"
  expect_stderr "\(1 ran, 0 from the cache\)"
  expect_exit 0 "$DECKGEN" build "$WORK/deck" -o "$WORK/out/deck.html" --cpus "$one_cpu"
  expect_stderr "\(0 ran, 1 from the cache\)"
fi

# Not a CPU deckgen may use, and not a list: exit 2, nothing written.
expect_exit 2 "$DECKGEN" build "$WORK/deck" -o "$WORK/out2/deck.html" --cpus 4095
expect_stderr "--cpus 4095: CPU 4095 is not one deckgen may use here \(it may use [0-9,-]+\)"
[[ -e $WORK/out2/deck.html ]] && fail "a refused --cpus wrote a deck"
expect_exit 2 "$DECKGEN" check "$WORK/deck" --cpus one
expect_stderr "--cpus takes CPU numbers and ranges"
finish
