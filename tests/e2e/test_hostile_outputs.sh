#!/usr/bin/env bash
# What a snippet or a deck can put into deckgen's outputs (issue 13, items 7, 8, 10):
# every byte in a snippet's output keeps the JUnit XML and the JSON report valid; bad
# metrics are named and the good ones kept; a FIFO or a folder where a trace or metrics
# file is expected is named as such (and does not hang the build); escape sequences in
# a file name or a YAML key never reach the terminal.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"
HOSTILE=$(realpath "$(dirname "$0")/../hostile")
SNIPPETS_HELPER=$(realpath "$(dirname "$0")/../../snippets/deckgen_trace.py")

# --- every byte 0..255 in stdout and stderr ------------------------------------------------
new_deck bytes
cp "$HOSTILE/every_byte.py" "$WORK/bytes/snippets/"
slides bytes <<'MD'
# Bytes

```run
file: every_byte.py
runs: 1
warmup: 0
```
MD
expect_exit 1 "$DECKGEN" build -q "$WORK/bytes/deck" -o "$WORK/bytes/out/deck.html" \
  --report "$WORK/bytes/out/report.json" --junit "$WORK/bytes/out/junit.xml"
"$PY" - "$WORK/bytes/out/junit.xml" "$WORK/bytes/out/report.json" <<'PY' || fail "a report is not valid"
import json, sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()   # expat refuses what XML 1.0 forbids
failure = root.find("./testsuite/testcase/failure")
assert failure is not None and "exit" in failure.get("message"), "no failure in the JUnit file"
with open(sys.argv[2], "rb") as f:
    raw = f.read()
raw.decode("utf-8")                          # strict UTF-8
json.loads(raw, parse_constant=lambda c: sys.exit(f"non-standard JSON constant {c}"))
PY

# --- bad metrics: named, and the good one survives -----------------------------------------
new_deck metrics
cp "$HOSTILE/bad_metrics.py" "$SNIPPETS_HELPER" "$WORK/metrics/snippets/"
slides metrics <<'MD'
# Metrics

```run
file: bad_metrics.py
runs: 2
warmup: 0
```

Speed: {{bad_metrics.m.speed}}
MD
report=$WORK/metrics/out/report.json
expect_exit 0 "$DECKGEN" build "$WORK/metrics/deck" -o "$WORK/metrics/out/deck.html" --report "$report"
expect_stderr "metric 'ratio' is NaN"
expect_stderr "metric 'huge' is Infinity"
expect_stderr "metric 'label' is string, not a number"
expect_stderr "metric 'flag' is boolean, not a number"
report_check "$report" 's["bad_metrics"]["metrics"]["speed"]["values"] == [12.5, 12.5]' "the good metric kept"
report_check "$report" 'len(s["bad_metrics"]["metric_problems"]) == 4'
expect_file_contains "$WORK/metrics/out/deck.html" 'data-placeholder="bad_metrics.m.speed">12.5 ms<'
# A slide quoting the bad one: an error naming what it was.
printf '\nRatio: {{bad_metrics.m.ratio}}\n' >>"$WORK/metrics/deck/01.md"
expect_exit 2 "$DECKGEN" build -q "$WORK/metrics/deck" -o "$WORK/metrics/out/deck.html"
expect_stderr "recorded metric 'ratio' is NaN"

# --- a FIFO and a folder where trace and metrics files are expected -------------------------
new_deck odd
cp "$HOSTILE/odd_output_files.sh" "$WORK/odd/snippets/"
slides odd <<'MD'
# Odd

```run
file: odd_output_files.sh
trace: true
runs: 1
warmup: 0
```

```timeline
snippet: odd_output_files
```
MD
timeout 120 "$DECKGEN" build "$WORK/odd/deck" -o "$WORK/odd/out/deck.html" >"$WORK/stdout" 2>"$WORK/stderr"
code=$?
[[ $code != 124 ]] || fail "a FIFO in the output folder hung the build"
expect_stderr "metrics-1.json is a FIFO, not a regular file"
grep -q "MiB" "$WORK/stderr" "$WORK/odd/out/deck.html" && fail "a FIFO or folder was given a size in MiB"
grep -qE "trace-[12].json is a (FIFO|directory)" "$WORK/odd/out/deck.html" "$WORK/stderr" ||
  fail "the odd trace files are not named as such: $(cat "$WORK/stderr")"

# --- escape sequences in a file name and a YAML key ----------------------------------------
new_deck esc
name=$'\e]0;owned\a\e[2J\e[31mslides.md'
cp "$HOSTILE/escapes.md" "$WORK/esc/deck/$name"
expect_exit 2 "$DECKGEN" build "$WORK/esc/deck" -o "$WORK/esc/out/deck.html"
expect_stderr 'theme'
if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$WORK/stderr"; then
  fail "a control character reached the terminal: $(cat -v "$WORK/stderr")"
fi
expect_stderr 'x1b\]0;owned'

finish
