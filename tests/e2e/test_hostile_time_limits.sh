#!/usr/bin/env bash
# Time limits on work deckgen starts (issue 24, item 5): a compile that never ends (a
# C snippet whose #include names a FIFO, which blocks the compiler forever) is stopped
# after its block's compile_timeout, with an error at the block's file:line, and a
# compile that ends within it builds; likewise a dot that never ends, after the front
# matter's dot_timeout, and it dies with deckgen. The `timeout`s only stop a hang from
# stalling CI.
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

# Both sides of the compile's limit: the same FIFO fed while the compiler waits on it
# compiles within the limit (the limit stops only what never ends).
printf '# Waits\n\n```run\nfile: waits.c\ncompile_timeout: 120\nruns: 1\nwarmup: 0\n```\n' | slides compile
timeout 100 sh -c 'sleep 1; echo "#define NEVER 1" >"$1"' sh "$WORK/compile/snippets/never.h" &
expect_exit 0 timeout 120 "$DECKGEN" build -q --no-cache "$WORK/compile/deck" -o "$WORK/compile/out.html"
wait

# dot: a diagram whose image= names a FIFO is stopped after the front matter's
# dot_timeout (default 60 s), with an error at its block; within it, a diagram is drawn.
new_deck dot
mkfifo "$WORK/dot/never.png"
# dot_deck SECONDS [IMAGE]
dot_deck() {
  local image=${2:+ [image=\"$2\"]}
  printf -- '---\ndot_timeout: %s\n---\n# Drawn\n\n```dot\ndigraph { a%s; a -> b; }\n```\n' "$1" "$image" | slides dot
}
dot_deck 1 "$WORK/dot/never.png"
expect_exit 2 timeout 120 "$DECKGEN" build -q --no-cache "$WORK/dot/deck" -o "$WORK/dot/out.html"
expect_stderr "01.md:6:1: error: dot did not finish drawing this diagram within 1 s and was stopped"
expect_stderr "longer .dot_timeout:."
dot_deck 30
expect_exit 0 timeout 120 "$DECKGEN" build -q --no-cache "$WORK/dot/deck" -o "$WORK/dot/out.html"
expect_file_contains "$WORK/dot/out.html" "<svg"
for bad in 0 3601 soon; do
  dot_deck "$bad"
  expect_exit 2 timeout 120 "$DECKGEN" build -q --no-cache "$WORK/dot/deck" -o "$WORK/dot/out.html"
  expect_stderr "01.md:2:14: error: .*dot_timeout"
done

# dot dies with deckgen, even with kill -9 (it outlived it): here it waits on the FIFO.
dot_deck 600 "$WORK/dot/never.png"
"$DECKGEN" build -q --no-cache "$WORK/dot/deck" -o "$WORK/dot/out.html" >/dev/null 2>&1 &
deckgen_pid=$!
dot_pid=
wait_until 60 eval 'dot_pid=$(pgrep -P "$deckgen_pid" -x dot)' || fail "dot never started"
kill -KILL "$deckgen_pid"
wait "$deckgen_pid" 2>/dev/null
if [[ -n $dot_pid ]]; then
  gone() { ! kill -0 "$dot_pid" 2>/dev/null || [[ $(awk '{print $3}' /proc/"$dot_pid"/stat 2>/dev/null) == Z ]]; }
  wait_until 10 gone || { fail "dot outlived deckgen"; kill -KILL "$dot_pid"; }
fi
finish
