#!/usr/bin/env bash
# Claims on the real binary, with snippets that replay fixed values as a metric (so no
# verdict depends on this machine's speed): every verdict line in the terminal, advice
# for the author there and never on a slide, the looks and the rounds in the report.
source "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/deck" "$WORK/snippets"
# replay NAME V1 V2 ...: a snippet recording the next value as metric t at each run.
replay() {
  local name=$1; shift
  cat >"$WORK/snippets/$name.py" <<PY
import pathlib
from deckgen_trace import metric
state = pathlib.Path("$WORK/state-$name")
values = [$(IFS=,; echo "$*")]
i = int(state.read_text()) if state.exists() else 0
state.write_text(str(i + 1))
metric("t", values[i % len(values)], "s")
PY
}
replay fast 1.00 1.02 0.98 1.01 0.99 1.03 0.97 1.00
replay slow 2.00 2.04 1.96 2.02 1.98 2.06 1.94 2.00
replay same 1.00 1.01 0.99 1.02 0.98 1.00 1.01 0.99
replay spread 0.5 1.5 0.7 1.3 0.9 1.1 0.6 1.4
cat >"$WORK/deck/slides.md" <<'MD'
---
title: Claims
---
## Claims

```run
file: fast.py
id: fast
runs: 5
warmup: 0
```
```run
file: slow.py
id: slow
runs: 5
warmup: 0
```
```run
file: same.py
id: same
runs: 5
warmup: 0
```
```run
file: spread.py
id: spread
runs: 3
warmup: 0
```

```claim
faster: fast
than: slow
metric: m.t
by: 1.5
```

```claim
equivalent: same
to: fast
metric: m.t
margin: 1.5
```

```claim
value: spread.m.t
below: 1.0
max_runs: 5
```

```chart
metric: m.t
snippets: [fast, slow]
labels: [the fast one, the slow one]
```
MD

expect_exit 1 "$DECKGEN" check "$WORK/deck" -o "$WORK/deck.html" --report "$WORK/report.json"
# Every claim's verdict line, the holding ones too, in the chart's words.
expect_stderr 'slides.md:[0-9]+:1: claim holds: the fast one was 2(\.0)?× faster than the slow one \(t\) \(likely '
expect_stderr 'claim holds: same and the fast one are within 1\.5× of each other'
expect_stderr "error: claim undecided: not yet decided whether the t of spread is below 1\\.00 s: too few runs to tell"
expect_stderr 'slides.md:[0-9]+:1: error: claim undecided'
# The author's advice under it, in the terminal only.
expect_stderr 'its first look needs 6 runs \(3 so far\)'
expect_stderr 'its next look is past `max_runs:`'
expect_stderr 'claims together: each of the 3 statistical claims is decided wrongly at most 5% of the time'
grep -q 'first look needs' "$WORK/deck.html" && fail "advice for the author reached the slides"
grep -q 'max_runs' "$WORK/deck.html" && fail "advice for the author reached the slides"
python3 - "$WORK/report.json" <<'PY' || fail "the report lacks the claims' looks or the runs' rounds"
import json, sys
r = json.load(open(sys.argv[1]))
faster, equivalent, value = r["claims"]
look = faster["look"]
assert look["index"] == 0 and look["runs"] == 6, look  # 5 pairs asked for; 6 pairs decide at 4%
assert abs(look["level"] - 0.04) < 1e-9 and abs(look["overall_level"] - 0.05) < 1e-9, look
assert faster["paired"] is True, faster
assert faster["planned_looks"] == [6, 9, 14, 21, 32], faster["planned_looks"]
assert "look" not in value and value["outcome"] == "undecided" and "first look" in value["advice"], value
assert "claims_together" in r
assert r["round_seeds"]["runs"] != 0 and r["round_seeds"]["sampling"] == r["round_seeds"]["runs"] + 1, r["round_seeds"]
runs = {s["id"]: s["runs"] for s in r["snippets"]}
# fast and slow ran in rounds: one round id per run index, the same on both sides, and
# their places in each round drawn at random.
rounds_fast = [x["round"] for x in runs["fast"]]
rounds_slow = [x["round"] for x in runs["slow"]]
assert all(rounds_fast) and rounds_fast == rounds_slow, (rounds_fast, rounds_slow)
assert sorted({x["round_position"] for x in runs["fast"]} | {x["round_position"] for x in runs["slow"]}) in ([0, 1], [0, 1, 2]), runs
PY
# --family bonferroni divides the error among the claims checked.
rm -f "$WORK"/state-*
expect_exit 1 "$DECKGEN" check "$WORK/deck" --no-cache --family bonferroni
expect_stderr 'claims together: the 3 statistical claims are decided as a family \(--family bonferroni\): each at 1\.67%'
expect_exit 2 "$DECKGEN" check "$WORK/deck" --family holmes
finish
