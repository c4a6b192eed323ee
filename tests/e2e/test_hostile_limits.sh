#!/usr/bin/env bash
# Bounded work with clear errors (issue 24, item 5): size limits on images and metrics
# files and the warnings cap, tested on both sides; placeholders linear in their
# number; out of memory is a message, not a segfault. The `timeout`s only stop a hang from stalling CI.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"

# Images: 32 MiB is inlined, a byte more is an input error at the image.
new_deck images
mkdir -p "$WORK/images/deck/img"
png() { { printf '\x89PNG\r\n\x1a\n'; } >"$1"; truncate -s "$2" "$1"; }
png "$WORK/images/deck/img/at_limit.png" $((32 << 20))
printf '# Big\n\n![big](img/at_limit.png)\n' | slides images
expect_exit 0 timeout 300 "$DECKGEN" build -q "$WORK/images/deck" -o "$WORK/images/out.html"
png "$WORK/images/deck/img/over.png" $(((32 << 20) + 1))
printf '# Big\n\n![big](img/over.png)\n' | slides images
expect_exit 2 timeout 300 "$DECKGEN" build -q "$WORK/images/deck" -o "$WORK/images/out.html"
expect_stderr "01.md:3:8: error: image '.*over.png' is 32 MiB, over the 32 MiB an image may have"

# Metrics files: 1 MiB is read, a byte more is named and skipped.
new_deck metrics
snippet metrics sized.py <<'PY'
import os, sys
size = int(sys.argv[1])
text = '{"metrics": {"speed": 12.5}}'
with open(os.path.join(os.environ["DECKGEN_OUT_DIR"], "metrics-1.json"), "w") as f:
    f.write(text + " " * (size - len(text)))
PY
for size in $((1 << 20)) $(((1 << 20) + 1)); do
  printf '```run\nfile: sized.py\nargs: [%s]\nruns: 1\nwarmup: 0\n```\n\nspeed {{sized.m.speed}}\n' "$size" | slides metrics
  timeout 300 "$DECKGEN" build --no-cache "$WORK/metrics/deck" -o "$WORK/metrics/out.html" >"$WORK/stdout" 2>"$WORK/stderr"
  code=$?
  if ((size == 1 << 20)); then
    [[ $code == 0 ]] || fail "a 1 MiB metrics file: exit $code: $(head -c 300 "$WORK/stderr")"
    expect_file_contains "$WORK/metrics/out.html" "data-placeholder=\"sized.m.speed\">12.5<"
  else
    [[ $code == 1 || $code == 2 ]] || fail "an oversized metrics file: exit $code: $(head -c 300 "$WORK/stderr")"
    expect_stderr "metrics-1.json is 1024 KiB, over the 1024 KiB a metrics file may have"
  fi
done

# Warnings: 100 are printed, the rest counted (100,000 printed 16 MB), on both sides.
new_deck warnings
echo 'echo hi' | snippet warnings hello.sh
HOSTILE=$(realpath "$(dirname "$0")/../hostile")
for cells in 100 101; do
  "$PY" "$HOSTILE/python_cells.py" "$cells" | slides warnings
  expect_exit 0 timeout 300 "$DECKGEN" build "$WORK/warnings/deck" -o "$WORK/warnings/out.html"
  shown=$(grep -c 'warning: .*is a cell Quarto would run' "$WORK/stderr")
  ((shown == 100)) || fail "$cells warnings: $shown printed (wanted 100)"
  if ((cells == 100)); then
    grep -q 'more warning' "$WORK/stderr" && fail "100 warnings: some said not shown"
  else
    expect_stderr "100 warnings shown; the rest are only counted"
    expect_stderr "1 more warnings? (was|were) not shown"
  fi
done

# A first build of many code blocks flushes its highlighting to disk once, not once per
# block (100,000 took 54 s, mostly in an fsync each): counted with strace, not timed.
if command -v strace >/dev/null && strace -f -qq -o "$WORK/probe.txt" true 2>"$WORK/stderr"; then
  rm -rf "$WORK/warnings/.deckgen-cache"
  "$PY" "$HOSTILE/python_cells.py" 300 | slides warnings
  strace -f -qq -c -e trace=fsync,fdatasync,syncfs -o "$WORK/strace.txt" \
    "$DECKGEN" build -q "$WORK/warnings/deck" -o "$WORK/warnings/out.html" 2>"$WORK/stderr" || fail "300 cells: $(cat "$WORK/stderr")"
  flushes=$(awk '$NF == "total" {print $(NF-1)}' "$WORK/strace.txt")
  echo "  300 code blocks highlighted: ${flushes:-?} flushes"
  ((${flushes:-1000} < 50)) || fail "300 code blocks: ${flushes:-?} fsyncs (one per block?)"
else
  echo "  (no strace here: the flush count is not checked)"
fi

# 200,000 placeholders: linear (they took 66 s, quadratic).
new_deck placeholders
echo 'echo hi' | snippet placeholders hello.sh
{ printf '```run\nfile: hello.sh\nruns: 1\nwarmup: 0\n```\n\n'; "$PY" -c "print('{{hello.wall}} ' * 200000)"; } | slides placeholders
expect_exit 0 timeout 120 "$DECKGEN" build -q "$WORK/placeholders/deck" -o "$WORK/placeholders/out.html"

# Out of memory while cmark parses: a message and exit 2 (it was a segfault).
new_deck memory
"$PY" -c "print('[' * 2_000_000)" | slides memory
(ulimit -v $((300 * 1024)); exec timeout 120 "$DECKGEN" build -q "$WORK/memory/deck" -o "$WORK/memory/out.html") \
  >"$WORK/stdout" 2>"$WORK/stderr"
code=$?
# 2 MB of '[' take cmark about 700 MB: over a 300 MB address space, out of memory for sure.
[[ $code == 2 ]] || fail "out of memory: exit $code (wanted 2): $(head -c 300 "$WORK/stderr")"
expect_stderr "error: out of memory while parsing the slides' Markdown"
finish
