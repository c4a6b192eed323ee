#!/usr/bin/env bash
# Absurd traces are the red "cannot be drawn" box and exit 1, in bounded time and memory
# (issue 13, item 4): tests/hostile/traces/write_trace.py writes each.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"
HOSTILE=$(cd "$(dirname "$0")/../hostile" && pwd)
# Far above what a bounded reader needs, far below what these took before (1.5 to 2 GB).
max_rss_kib=$((800 * 1024))

for kind in huge_times infinite lanes events deep_args; do
  new_deck "$kind"
  cp "$HOSTILE/traces/write_trace.py" "$WORK/$kind/snippets/"
  slides "$kind" <<MD
\`\`\`run
file: write_trace.py
args: [$kind]
trace: true
timeout: 120
# One run is the case: more only write the same trace again.
runs: 1
warmup: 0
\`\`\`

\`\`\`timeline
snippet: write_trace
\`\`\`
MD
  # timeout only stops a hang from stalling CI; the verdict is the exit code and memory.
  /usr/bin/time -f %M -o "$WORK/rss" timeout 300 "$DECKGEN" build -q "$WORK/$kind/deck" -o "$WORK/$kind/out.html" \
    >"$WORK/stdout" 2>"$WORK/stderr"
  code=$?
  [[ $code == 1 ]] || fail "$kind: exit $code (wanted 1): $(head -c 400 "$WORK/stderr")"
  expect_stderr "cannot be drawn"
  grep -q 'snippet-error' "$WORK/$kind/out.html" 2>/dev/null || fail "$kind: no red box on the slide"
  rss=$(tail -n 1 "$WORK/rss")
  ((rss < max_rss_kib)) || fail "$kind: deckgen used $rss KiB"
done
finish
