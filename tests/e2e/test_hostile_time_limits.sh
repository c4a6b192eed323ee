#!/usr/bin/env bash
# Time limits on work deckgen starts (issue 24, item 5): a compile that never ends (a
# C snippet whose #include names a FIFO, which blocks the compiler forever) is stopped
# after its block's compile_timeout, with an error at the block's file:line. The
# `timeout`s only stop a hang from stalling CI.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"

# The compile: its block's compile_timeout stops it; the slide and the terminal say so.
new_deck compile
mkfifo "$WORK/compile/snippets/never.h"
snippet compile waits.c <<'C'
#include "never.h"
int main(void) { return 0; }
C
printf '# Waits\n\n```run\nfile: waits.c\ncompile_timeout: 2\nruns: 1\nwarmup: 0\n```\n' | slides compile
timeout 120 "$DECKGEN" build --no-cache "$WORK/compile/deck" -o "$WORK/compile/out.html" >"$WORK/stdout" 2>"$WORK/stderr"
code=$?
[[ $code == 1 ]] || fail "a compile that never ends: exit $code (wanted 1): $(head -c 300 "$WORK/stderr")"
expect_stderr "01.md:3:1: error: snippet 'waits' failed: compilation timed out after 2 s"
expect_stderr "the compiler did not finish within 2 s and was stopped"
expect_snippet_html "$WORK/compile/out.html" waits "did not finish within 2 s"
no_process "$WORK/compile/snippets/waits.c"

# compile_timeout is read like timeout: seconds, at most an hour, errors at the key.
printf '# Waits\n\n```run\nfile: waits.c\ncompile_timeout: 0\n```\n' | slides compile
expect_exit 2 timeout 120 "$DECKGEN" build --no-cache "$WORK/compile/deck" -o "$WORK/compile/out.html"
expect_stderr "01.md:5:18: error: .*compile_timeout"

# dot's limit (60 s, with an error at the block) is tested with a short one in
# tests/unit/layout_test.cpp (ADotThatNeverEndsIsStoppedWithAnErrorAtItsBlock).
finish
