#!/usr/bin/env bash
# No process outlives its snippet (issue 13, item 3): whatever a snippet does to escape
# (a new session with setsid, a double fork, a daemon that keeps stdout open), every
# process it started is gone when the snippet ends, times out, or deckgen gets SIGINT
# or SIGTERM; the helpers deckgen starts (the interpreter probe, Chromium) too. Each
# escaping process writes its pid into $PIDS; afterwards `kill -0` must fail for all.
# The only clocks here are generous `timeout`s that catch a hang.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"
HOSTILE=$(realpath "$(dirname "$0")/../hostile")
PIDS=$WORK/pids
mkdir -p "$PIDS"

# no_survivor WHAT: every pid recorded in $PIDS is gone (and there was at least one).
no_survivor() {
  local file pid seen=0
  for file in "$PIDS"/*; do
    [[ -e $file ]] || continue
    while read -r pid; do
      [[ -n $pid ]] || continue
      seen=$((seen + 1))
      # A zombie is dead, only not yet reaped (this machine's pid 1 may not reap).
      if kill -0 "$pid" 2>/dev/null && [[ $(awk '{print $3}' /proc/"$pid"/stat 2>/dev/null) != Z ]]; then
        fail "$1: process $pid ($(basename "$file")) survived: $(tr '\0' ' ' </proc/"$pid"/cmdline)"
        kill -KILL "$pid" 2>/dev/null
      fi
    done <"$file"
  done
  ((seen > 0)) || fail "$1: no process recorded its pid (the snippet did not run?)"
  rm -f "$PIDS"/*
}

# escape_deck NAME TIMEOUT: a deck running the escaping snippets of tests/hostile/.
escape_deck() {
  new_deck "$1"
  cp "$HOSTILE"/escape_*.sh "$HOSTILE"/daemon_holding_stdout.py "$WORK/$1/snippets/"
  slides "$1" <<MD
# Escapes

\`\`\`run
file: escape_setsid.sh
env: {PIDS: "$PIDS"}
timeout: $2
runs: 1
warmup: 0
\`\`\`

\`\`\`run
file: escape_double_fork.sh
env: {PIDS: "$PIDS"}
timeout: $2
runs: 1
warmup: 0
\`\`\`

\`\`\`run
file: daemon_holding_stdout.py
env: {PIDS: "$PIDS"}
timeout: $2
runs: 2
warmup: 0
\`\`\`
MD
}

# --- the snippet ends: what it left is killed, and a daemon holding stdout is not waited for
escape_deck ends 600
report=$WORK/ends/out/report.json
expect_exit 0 timeout 120 "$DECKGEN" build -q "$WORK/ends/deck" -o "$WORK/ends/out/deck.html" --report "$report"
no_survivor "after the snippets ended"
report_check "$report" 'all(not r["timed_out"] for x in r["snippets"] for r in x["runs"])' "no run timed out"
report_check "$report" 's["daemon_holding_stdout"]["runs"][0]["wall_seconds"] < 60' "the daemon was not waited for"

# --- a timeout: the snippet and its escaped processes are killed ---------------------------
new_deck slow
cp "$HOSTILE"/escape_setsid.sh "$WORK/slow/snippets/"
printf 'sleep 1000\n' >>"$WORK/slow/snippets/escape_setsid.sh"
slides slow <<MD
# Slow

\`\`\`run
file: escape_setsid.sh
env: {PIDS: "$PIDS"}
timeout: 1
runs: 1
warmup: 0
\`\`\`
MD
expect_exit 1 timeout 120 "$DECKGEN" build -q "$WORK/slow/deck" -o "$WORK/slow/out/deck.html"
expect_stderr "timed out after 1 s"
no_survivor "after a timeout"

# --- SIGINT and SIGTERM during a run --------------------------------------------------------
for sig in INT TERM; do
  new_deck "stop$sig"
  cp "$HOSTILE"/escape_setsid.sh "$WORK/stop$sig/snippets/"
  printf 'touch "$PIDS/ready"\nsleep 1000\n' >>"$WORK/stop$sig/snippets/escape_setsid.sh"
  slides "stop$sig" <<MD
# Stop

\`\`\`run
file: escape_setsid.sh
env: {PIDS: "$PIDS"}
timeout: 600
runs: 1
warmup: 0
\`\`\`
MD
  set -m  # a background job of a script ignores SIGINT unless job control is on
  "$DECKGEN" build "$WORK/stop$sig/deck" -o "$WORK/stop$sig/out/deck.html" >"$WORK/stdout" 2>"$WORK/stderr" &
  deckgen_pid=$!
  set +m
  for _ in $(seq 600); do [[ -e $PIDS/ready ]] && break; sleep 0.1; done
  rm -f "$PIDS/ready"
  kill -"$sig" "$deckgen_pid"
  timeout 60 tail --pid="$deckgen_pid" -f /dev/null || fail "deckgen still runs 60 s after SIG$sig"
  wait "$deckgen_pid"
  code=$?
  want=$([[ $sig == INT ]] && echo 130 || echo 143)
  [[ $code == "$want" ]] || fail "exit $code after SIG$sig (wanted $want): $(cat "$WORK/stderr")"
  expect_stderr "every snippet process was stopped"
  no_survivor "after SIG$sig"
done

# --- the CPU of an escaped process is the snippet's -----------------------------------------
new_deck cpu
cp "$HOSTILE"/escape_burning_cpu.sh "$WORK/cpu/snippets/"
slides cpu <<MD
# CPU

\`\`\`run
file: escape_burning_cpu.sh
env: {PIDS: "$PIDS"}
timeout: 600
runs: 1
warmup: 0
\`\`\`
MD
report=$WORK/cpu/out/report.json
expect_exit 0 timeout 300 "$DECKGEN" build -q "$WORK/cpu/deck" -o "$WORK/cpu/out/deck.html" --report "$report"
report_check "$report" 's["escape_burning_cpu"]["runs"][0]["user_seconds"] + s["escape_burning_cpu"]["runs"][0]["system_seconds"] >= 0.3' \
  "the escaped process's 0.3 s of CPU counted"
no_survivor "after the CPU burner"

# --- a python: wrapper that leaves a child holding its output does not hang the probe -------
new_deck wrapper
printf 'print("hello")\n' >"$WORK/wrapper/snippets/hello.py"
wrapper=$WORK/wrapper/python-wrapper.sh
sed "s|@PIDS@|$PIDS|" "$HOSTILE/python_wrapper_leaving_child.sh" >"$wrapper"
chmod +x "$wrapper"
slides wrapper <<MD
---
python: $wrapper
---
# Wrapped

\`\`\`run
file: hello.py
runs: 1
warmup: 0
\`\`\`
MD
timeout 120 "$DECKGEN" build -q "$WORK/wrapper/deck" -o "$WORK/wrapper/out/deck.html" >"$WORK/stdout" 2>"$WORK/stderr"
code=$?
[[ $code != 124 ]] || fail "the build hung on a python wrapper that left a child behind"
no_survivor "after the python wrapper"

# --- deckgen pdf: SIGTERM while Chromium runs stops it ---------------------------------------
new_deck pdf
slides pdf <<<'# A slide'
fake=$WORK/pdf/chromium.sh
printf '#!/bin/sh\necho $$ >"%s/chromium"\nexec sleep 1000\n' "$PIDS" >"$fake"
chmod +x "$fake"
DECKGEN_CHROMIUM=$fake "$DECKGEN" pdf "$WORK/pdf/deck" -o "$WORK/pdf/out/deck.pdf" >"$WORK/stdout" 2>"$WORK/stderr" &
deckgen_pid=$!
for _ in $(seq 600); do [[ -s $PIDS/chromium ]] && break; sleep 0.1; done
[[ -s $PIDS/chromium ]] || fail "the fake Chromium never started: $(cat "$WORK/stderr")"
kill -TERM "$deckgen_pid"
timeout 60 tail --pid="$deckgen_pid" -f /dev/null || fail "deckgen pdf still runs 60 s after SIGTERM"
wait "$deckgen_pid"
code=$?
[[ $code == 143 ]] || fail "deckgen pdf exited $code after SIGTERM (wanted 143): $(cat "$WORK/stderr")"
no_survivor "deckgen pdf after SIGTERM"
[[ ! -e $WORK/pdf/out/deck.pdf ]] || fail "an interrupted pdf wrote the PDF"

finish
