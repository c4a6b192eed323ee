#!/usr/bin/env bash
# Process hygiene (issue 24, item 6): a helper that exits before reading does not kill
# deckgen with SIGPIPE; a helper dies with deckgen; the private temp folders a killed
# deckgen (kill -9, SIGHUP under watch, a crash, a killed pdf) left are removed by the
# next run, and nothing else is.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"
export TMPDIR=$WORK/tmp
mkdir -p "$TMPDIR"

# A deck with a code block larger than a pipe's buffer, for the highlighter to read.
new_deck big
"$PY" -c "print('\`\`\`python'); print('x = 1\n' * 40000); print('\`\`\`')" | slides big

# SIGPIPE: the highlighter exits at once; deckgen warns and builds (it died with 141).
printf '#!/bin/sh\nexit 0\n' >"$WORK/closing-python"
chmod +x "$WORK/closing-python"
DECKGEN_HIGHLIGHT_PYTHON=$WORK/closing-python timeout 120 "$DECKGEN" build "$WORK/big/deck" -o "$WORK/big/out.html" \
  --no-cache >"$WORK/stdout" 2>"$WORK/stderr"
code=$?
[[ $code == 0 ]] || fail "a highlighter that never reads: exit $code: $(head -c 300 "$WORK/stderr")"
expect_stderr "code is not highlighted"

# A helper dies with deckgen, even with kill -9.
printf '#!/bin/sh\necho $$ >"%s"\nexec sleep 300\n' "$WORK/helper.pid" >"$WORK/slow-python"
chmod +x "$WORK/slow-python"
DECKGEN_HIGHLIGHT_PYTHON=$WORK/slow-python "$DECKGEN" build "$WORK/big/deck" -o "$WORK/big/out.html" --no-cache \
  >/dev/null 2>&1 &
deckgen_pid=$!
if wait_until 60 test -s "$WORK/helper.pid"; then
  helper=$(cat "$WORK/helper.pid")
  kill -KILL "$deckgen_pid"
  wait "$deckgen_pid" 2>/dev/null
  gone() { ! kill -0 "$helper" 2>/dev/null || [[ $(awk '{print $3}' /proc/"$helper"/stat 2>/dev/null) == Z ]]; }
  wait_until 10 gone || { fail "the highlighter outlived deckgen"; kill -KILL "$helper"; }
else
  fail "the highlighter never started"
  kill -KILL "$deckgen_pid"
fi

# Temp folders: a deckgen killed while a snippet runs leaves its folders; the next run
# removes them, and leaves a folder it cannot prove is its own.
new_deck killed
printf 'touch "%s"\nsleep 300\n' "$WORK/started" | snippet killed slow.sh
printf '```run\nfile: slow.sh\nruns: 1\nwarmup: 0\ntimeout: 600\n```\n' | slides killed
"$DECKGEN" build "$WORK/killed/deck" -o "$WORK/killed/out.html" >/dev/null 2>&1 &
deckgen_pid=$!
wait_until 60 test -e "$WORK/started" || fail "the snippet never started"
kill -KILL "$deckgen_pid"
wait "$deckgen_pid" 2>/dev/null
left=$(find "$TMPDIR" -maxdepth 1 -name 'deckgen-*' | wc -l)
((left > 0)) || fail "the killed deckgen left no folder: the test proves nothing"
mkdir -p "$TMPDIR/deckgen-someone-else/inside"
new_deck next
echo '# Next' | slides next
expect_exit 0 "$DECKGEN" build -q "$WORK/next/deck" -o "$WORK/next/out.html"
left=$(find "$TMPDIR" -maxdepth 1 -name 'deckgen-*' ! -name 'deckgen-someone-else' | wc -l)
((left == 0)) || fail "$left folder(s) of the killed deckgen left: $(ls "$TMPDIR")"
[[ -d $TMPDIR/deckgen-someone-else/inside ]] || fail "a folder deckgen cannot prove is its own was removed"

# The same after SIGHUP (a closed terminal) under `watch`, while a snippet runs.
rm -f "$WORK/started"
"$DECKGEN" watch "$WORK/killed/deck" -o "$WORK/killed/out.html" --port 0 >/dev/null 2>&1 &
deckgen_pid=$!
wait_until 60 test -e "$WORK/started" || fail "the snippet never started under watch"
kill -HUP "$deckgen_pid"
wait_until 20 eval '! kill -0 "$deckgen_pid" 2>/dev/null' || { fail "watch outlived SIGHUP"; kill -KILL "$deckgen_pid"; }
wait "$deckgen_pid" 2>/dev/null
expect_exit 0 "$DECKGEN" build -q "$WORK/next/deck" -o "$WORK/next/out.html"
left=$(find "$TMPDIR" -maxdepth 1 -name 'deckgen-*' ! -name 'deckgen-someone-else' | wc -l)
((left == 0)) || fail "$left folder(s) of the watch ended by SIGHUP left: $(ls "$TMPDIR")"

# The same after a crash (SIGSEGV while a snippet runs) and after a `pdf` killed with -9
# while Chromium prints (a killed pdf left 4.8 MB).
rm -f "$WORK/started"
"$DECKGEN" build "$WORK/killed/deck" -o "$WORK/killed/out.html" >/dev/null 2>&1 &
deckgen_pid=$!
wait_until 60 test -e "$WORK/started" || fail "the snippet never started before the crash"
kill -SEGV "$deckgen_pid"
wait "$deckgen_pid" 2>/dev/null
ours() { find "$TMPDIR" -maxdepth 1 -name 'deckgen-*' ! -name 'deckgen-someone-else' | wc -l; }
after_crash=$(ours)
((after_crash > 0)) || fail "the crashed build left no folder: the test proves nothing"
printf '#!/bin/sh\ntouch "%s"\nexec sleep 300\n' "$WORK/printing" >"$WORK/slow-chromium"
chmod +x "$WORK/slow-chromium"
DECKGEN_CHROMIUM=$WORK/slow-chromium "$DECKGEN" pdf "$WORK/next/deck" -o "$WORK/next/out.pdf" >/dev/null 2>&1 &
deckgen_pid=$!
wait_until 60 test -e "$WORK/printing" || fail "the fake Chromium never started"
kill -KILL "$deckgen_pid"
wait "$deckgen_pid" 2>/dev/null
# (Its start swept the crashed build's folders.)
[[ -n $(find "$TMPDIR" -maxdepth 1 -name 'deckgen-pdf-*') ]] || fail "the killed pdf left no folder: the test proves nothing"
expect_exit 0 "$DECKGEN" build -q "$WORK/next/deck" -o "$WORK/next/out.html"
left=$(ours)
((left == 0)) || fail "$left folder(s) of the crashed build or the killed pdf left: $(ls "$TMPDIR")"
finish
