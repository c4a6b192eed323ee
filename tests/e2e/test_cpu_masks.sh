#!/usr/bin/env bash
# --cpus 1,all (issue 22): one build measures the deck under each mask in turn; every
# claim is decided under each and shown side by side on its slide, in the report and the
# JUnit file, with a line per mask on the last slide;
# the snippets' boxes keep the first mask's runs. A mask deckgen may not use, among
# several, is an input error that writes nothing.
source "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/deck" "$WORK/snippets"
cat >"$WORK/deck/01.md" <<'MD'
# Cores

```run
file: cores.sh
runs: 3
warmup: 0
```

```claim
value: cores.wall
below: 30
max_runs: 5
```
MD
echo 'echo "cpus=$DECKGEN_CPUS"' >"$WORK/snippets/cores.sh"
one_cpu=$(python3 -c 'import os; print(min(os.sched_getaffinity(0)))')  # the first CPU we may use

expect_exit 0 "$DECKGEN" build "$WORK/deck" -o "$WORK/out/deck.html" --report "$WORK/report.json" \
  --junit "$WORK/junit.xml" --cpus "$one_cpu,all"
expect_file_contains "$WORK/junit.xml" "<testsuite name=\"deckgen claims (--cpus $one_cpu)\""
expect_file_contains "$WORK/junit.xml" "<testsuite name=\"deckgen claims (--cpus all)\""
expect_file_contains "$WORK/out/deck.html" "<th>--cpus $one_cpu</th><td>CPU $one_cpu · 1 core: claims: "
expect_file_contains "$WORK/out/deck.html" "<th>--cpus all</th><td>all CPUs · "
expect_file_contains "$WORK/out/deck.html" '<div class="claim-masks">'
expect_file_contains "$WORK/out/deck.html" "CPU $one_cpu · 1 core"
expect_file_contains "$WORK/out/deck.html" "all CPUs · "
expect_file_contains "$WORK/out/deck.html" "cpus=1"  # the box shows the first mask's run
expect_stderr "claim (holds|undecided) \(--cpus $one_cpu\)"
expect_stderr "claim (holds|undecided) \(--cpus all\)"
python3 - "$WORK/report.json" "$one_cpu" <<'PY' || fail "the report does not give each mask's claims"
import json, os, sys
r = json.load(open(sys.argv[1]))
masks = r["cpu_masks"]
assert [m["cpus"] for m in masks] == [sys.argv[2], "all"], masks
assert masks[0]["usable_cores"] == 1 and masks[0]["affinity"] == sys.argv[2], masks[0]
assert masks[1]["usable_cores"] >= 1, masks[1]
for m in masks:
    assert len(m["claims"]) == 1 and m["claims"][0]["outcome"] in ("holds", "undecided"), m["claims"]
assert r["provenance"]["machine"]["cpus_requested"] == sys.argv[2], r["provenance"]["machine"]
PY

# Every mask is checked before anything runs: exit 2, nothing written.
expect_exit 2 "$DECKGEN" build "$WORK/deck" -o "$WORK/out2/deck.html" --cpus "$one_cpu/4095"
expect_stderr "--cpus 4095: CPU 4095 is not one deckgen may use here"
[[ -e $WORK/out2/deck.html ]] && fail "a refused --cpus mask wrote a deck"
finish
