#!/usr/bin/env bash
# Snippets at the limits: a timeout with a grandchild, 50 MB of output, and Ctrl-C in
# the middle of a run. Afterwards no snippet process may be left, and deckgen's memory
# stays bounded.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"

# Markers that only this test's snippets put on their command lines (sleep takes
# fractional seconds), so that pgrep finds exactly them.
marker_timeout="sleep 100.$$1"
marker_interrupt="sleep 100.$$2"

# --- a timeout kills the whole process group, grandchildren included ---------------------
new_deck slow
snippet slow hang.sh <<SH
echo "started"
$marker_timeout &
$marker_timeout
SH
slides slow <<'MD'
# Hang

```run
file: hang.sh
timeout: 1
runs: 3
warmup: 0
```
MD
out=$WORK/slow/out/deck.html
report=$WORK/slow/out/report.json
expect_exit 1 "$DECKGEN" build "$WORK/slow/deck" -o "$out" --report "$report"
expect_stderr "snippet 'hang' failed: timed out after 1 s"
no_process "$marker_timeout"
report_check "$report" 's["hang"]["runs"][0]["timed_out"] and len(s["hang"]["runs"]) == 1'
report_check "$report" '1 <= s["hang"]["runs"][0]["wall_seconds"] < 5'
expect_snippet_html "$out" hang 'timed out after 1 s'
expect_snippet_html "$out" hang 'started'

# --- 50 MB of output: capped on the slide, counted in the report, memory bounded ---------
new_deck flood
snippet flood flood.sh <<'SH'
yes 'all work and no play makes a long line of output' | head -c 52428800
echo "to stderr" >&2
SH
slides flood <<'MD'
# Flood

```run
file: flood.sh
runs: 1
warmup: 0
```
MD
out=$WORK/flood/out/deck.html
report=$WORK/flood/out/report.json
expect_exit 0 /usr/bin/time -v -o "$WORK/flood/time.txt" "$DECKGEN" build "$WORK/flood/deck" -o "$out" --report "$report"
report_check "$report" 's["flood"]["stdout_bytes"] == 52428800'
expect_snippet_html "$out" flood 'more not shown'
expect_snippet_html "$out" flood '50.0 MiB in all'
deck_bytes=$(stat -c %s "$out")
((deck_bytes < 4 * 1024 * 1024)) || fail "the deck holds the whole output: $deck_bytes bytes"
rss_kib=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/flood/time.txt")
[[ -n $rss_kib ]] || fail "no peak RSS from /usr/bin/time"
((rss_kib < 200 * 1024)) || fail "deckgen's peak RSS was ${rss_kib} KiB with 50 MB of output (limit 200 MiB)"

# --- Ctrl-C: exit 130, every snippet process gone, the previous deck untouched ----------
new_deck stop
snippet stop long.sh <<SH
$marker_interrupt &
$marker_interrupt
SH
slides stop <<'MD'
# Long

```run
file: long.sh
timeout: 60
runs: 1
warmup: 0
```
MD
mkdir -p "$WORK/stop/out"
echo "previous deck" >"$WORK/stop/out/deck.html"
# A background job of a script ignores SIGINT unless job control is on.
set -m
"$DECKGEN" build "$WORK/stop/deck" -o "$WORK/stop/out/deck.html" --report "$WORK/stop/out/report.json" \
  >"$WORK/stop/stdout" 2>"$WORK/stop/stderr" &
deckgen_pid=$!
set +m
for _ in $(seq 100); do pgrep -f -- "$marker_interrupt" >/dev/null && break; sleep 0.1; done
pgrep -f -- "$marker_interrupt" >/dev/null || fail "the long snippet never started"
kill -INT "$deckgen_pid"
wait "$deckgen_pid"
code=$?
[[ $code == 130 ]] || fail "exit $code after SIGINT (wanted 130): $(cat "$WORK/stop/stderr")"
grep -q 'interrupted' "$WORK/stop/stderr" || fail "no word of the interrupt: $(cat "$WORK/stop/stderr")"
no_process "$marker_interrupt"
[[ $(cat "$WORK/stop/out/deck.html") == "previous deck" ]] || fail "the interrupted build changed the deck"
[[ ! -e $WORK/stop/out/report.json ]] || fail "the interrupted build wrote a report"
leftovers=$(find "$WORK/stop/out" -maxdepth 1 -type f ! -name deck.html)
[[ -z $leftovers ]] || fail "temporary files left: $leftovers"

finish
