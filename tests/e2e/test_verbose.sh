#!/usr/bin/env bash
# --verbose (issue 14): each command run, for each snippet not taken from the cache,
# which input of its cache key changed, and the build's stage times.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"

new_deck v
snippet v hello.py <<<'print("hello")'
snippet v c.c <<<'int main(void) { return 0; }'
slides v <<'MD'
---
python: /usr/bin/python3
---
```run
file: hello.py
runs: 2
warmup: 1
```

```run
file: c.c
runs: 1
warmup: 0
```
MD
build() { expect_exit 0 "$DECKGEN" build "$WORK/v/deck" -o "$WORK/v/out/deck.html" "$@"; }

build -v
expect_stderr "snippet 'hello': running /usr/bin/python3(\.[0-9]+)? .*/snippets/hello\.py \(1 warmup and 2 timed runs"
expect_stderr "snippet 'c': compiling: /usr/bin/(cc|gcc[-0-9]*|x86_64[^ ]*) -O2 .*c\.c -o "
expect_stderr "snippet 'hello' reruns: no earlier result in the cache"
# And where the build's time went, stage by stage.
expect_stderr "stage times: read [0-9.]+ ms, plan [0-9.]+ ms, .*cache look-up [0-9.]+ ms, .*render [0-9.]+ ms, write [0-9.]+ ms \(total [0-9.]+ ms\)"

# Not verbose: none of that.
snippet v hello.py <<<'print("hello again")'
build
grep -q "running\|reruns\|stage times" "$WORK/stderr" && fail "commands printed without --verbose: $(cat "$WORK/stderr")"

# Why it reran: the source, then the run count.
snippet v hello.py <<<'print("hello, third")'
build --verbose
expect_stderr "snippet 'hello' reruns: source changed"
grep -q "snippet 'c' reruns" "$WORK/stderr" && fail "an unchanged snippet was said to rerun"
sed -i 's/^runs: 2$/runs: 3/' "$WORK/v/deck/01.md"
build --verbose
expect_stderr "snippet 'hello' reruns: runs changed"
finish
