#!/usr/bin/env bash
# `deckgen check --baseline`: a report written, the snippet made four times slower, and
# the check against the old report fails naming the snippet and the metric; unchanged,
# it passes; a baseline from another machine is warned about.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"

# The slides' fit in Chromium is not what this test is about (and costs seconds a check).
export DECKGEN_CHROMIUM=/nonexistent

new_deck base
# The loop's length is read from a file at run time (not part of the cache key; every
# check here runs with --no-cache anyway), so the same deck can be made slower.
snippet base work.py <<'PY'
import os
n = int(open(os.path.join(os.environ["DECKGEN_SNIPPETS"], "count.txt")).read())
total = 0
for i in range(n):
    total += i
print(total)
PY
echo 300000 >"$WORK/base/snippets/count.txt"
slides base <<'MD'
# Work

```run
file: work.py
runs: 6
warmup: 1
show: [code, timing]
```
MD
deck=$WORK/base/deck
old=$WORK/base/old.json
expect_exit 0 "$DECKGEN" check "$deck" --no-cache --report "$old"
report_check "$old" 'len(s["work"]["runs"]) == 6'

# Four times the loop: wall and CPU time grow far beyond 20%, with confidence.
echo 1200000 >"$WORK/base/snippets/count.txt"
expect_exit 1 "$DECKGEN" check "$deck" --no-cache --baseline "$old" --fail-on-regression 20 \
  --junit "$WORK/base/junit.xml"
expect_stderr "regression beyond 20%: work wall: .* slower"
expect_stderr "regression beyond 20%: work cpu: "
expect_file_contains "$WORK/base/junit.xml" 'name="work wall"'
if grep -q "another machine" "$WORK/stderr"; then fail "same machine warned as another: $(cat "$WORK/stderr")"; fi

# Unchanged: nothing got worse. (50%, not 20%: this machine is shared with other work,
# and a neighbour's burst during one check must not read as a regression of the code.)
echo 300000 >"$WORK/base/snippets/count.txt"
expect_exit 0 "$DECKGEN" check "$deck" --no-cache --baseline "$old" --fail-on-regression 50
expect_stderr "baseline .*old.json"
if grep -q "regression beyond" "$WORK/stderr"; then fail "unchanged snippet regressed: $(cat "$WORK/stderr")"; fi

# A report from another machine: compared, with a warning that says so.
"$PY" - "$old" "$WORK/base/other.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r["provenance"]["machine"]["fingerprint"] = "some other machine"
json.dump(r, open(sys.argv[2], "w"))
PY
expect_exit 0 "$DECKGEN" check "$deck" --no-cache --baseline "$WORK/base/other.json"
expect_stderr "the baseline was measured on another machine \(some other machine; this one: "

finish
