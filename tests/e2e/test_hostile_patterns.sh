#!/usr/bin/env bash
# `expect` patterns cannot crash or hang a build (issue 13, item 5): RE2, linear time.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"
HOSTILE=$(cd "$(dirname "$0")/../hostile" && pwd)

new_deck p
cp "$HOSTILE/patterns/"*.py "$WORK/p/snippets/"
slides p <<'MD'
```run
file: big_output.py
runs: 1
expect:
  stdout_matches: "[\\s\\S]*done"
```

```run
file: as_then_b.py
runs: 1
expect:
  stdout_matches: "^(a+)+$"
```
MD
expect_exit 1 timeout 120 "$DECKGEN" build -q "$WORK/p/deck" -o "$WORK/p/out.html" --report "$WORK/p/report.json"
report_check "$WORK/p/report.json" 's["big_output"]["outcome"] == "passed"' "200 KB then done matches"
report_check "$WORK/p/report.json" 's["as_then_b"]["outcome"] == "failed" and "does not match" in s["as_then_b"]["failure"]'

# A pattern RE2 cannot take is an input error at its key, before anything runs.
slides p <<'MD'
# x

```run
file: big_output.py
expect:
  exit: 0
  stderr_matches: "(a)\\1"
```
MD
expect_exit 2 "$DECKGEN" build -q "$WORK/p/deck" -o "$WORK/p/out2.html"
expect_stderr "01.md:7:3: error: '\(a\)\\\\1' is not a valid regular expression"
expect_stderr "RE2 syntax"
[[ ! -e $WORK/p/out2.html ]] || fail "a deck was written"
finish
