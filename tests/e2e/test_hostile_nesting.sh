#!/usr/bin/env bash
# No recursion that input controls (issue 24, item 1): nesting beyond a limit is an
# input error at file:line (exit 2), never a crash; within it, the deck builds.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"

# divs DECK LEVELS OPEN [PAUSE]: a slide of LEVELS nested divs opened with OPEN, with a
# `. . .` pause inside each when PAUSE is set.
divs() {
  "$PY" - "$2" "$3" "${4:-}" >"$WORK/$1/deck/01.md" <<'PY'
import sys
levels, fence, pause = int(sys.argv[1]), sys.argv[2], sys.argv[3]
for i in range(levels):
    print(fence + "\n")
    if pause:
        print("level %d\n\n. . .\n" % i)
print("innermost\n")
for i in range(levels):
    print(":::\n")
PY
}

i=0
for fence in "::: note" "::: columns" "::: incremental" "::: {.column width=\"50%\"}"; do
  for pause in "" yes; do
    i=$((i + 1))
    new_deck "d$i"
    divs "d$i" 12000 "$fence" "$pause"
    expect_exit 2 timeout 120 "$DECKGEN" build -q "$WORK/d$i/deck" -o "$WORK/d$i/out.html"
    expect_stderr "01.md:[0-9]+:1: error: fenced divs nest more than 50 deep here"
    divs "d$i" 50 "$fence" "$pause"
    expect_exit 0 timeout 120 "$DECKGEN" build -q "$WORK/d$i/deck" -o "$WORK/d$i/out.html"
    expect_file_contains "$WORK/d$i/out.html" "innermost"
  done
done

# Claim bounds: the expression parser.
claim() {
  new_deck claim
  echo 'echo hello' | snippet claim hello.sh
  { printf '```run\nfile: hello.sh\n```\n\n```claim\nvalue: hello.wall\nbelow: '; "$PY" -c "$1"; printf '\n```\n'; } \
    | slides claim
}
for bound in "print('(' * 30000 + '1' + ')' * 30000)" "print('min(' * 50000 + '1' + ')' * 50000)"; do
  claim "$bound"
  expect_exit 2 timeout 120 "$DECKGEN" build -q "$WORK/claim/deck" -o "$WORK/claim/out.html"
  expect_stderr "01.md:7:[0-9]+: error: in '.*': parentheses and min/max nest more than 100 deep"
done
# These build (the wall time of `echo` is below a billion ms): 100,000 unary minuses and
# a flat sum of 40,000 terms.
for bound in "print('-' * 100000 + '1e9')" "print(' + '.join(['1e5'] * 40000))"; do
  claim "$bound"
  expect_exit 0 timeout 120 "$DECKGEN" build -q "$WORK/claim/deck" -o "$WORK/claim/out.html"
done
claim "print('1/0')"
expect_exit 2 timeout 120 "$DECKGEN" build -q "$WORK/claim/deck" -o "$WORK/claim/out.html"
expect_stderr "01.md:7:8: error: 'below: 1/0' is infinite, not a finite number"

# A snippet's metrics file holding a 200,000-deep value: named, the build goes on.
new_deck metrics
snippet metrics deep.py <<'PY'
import os
with open(os.path.join(os.environ["DECKGEN_OUT_DIR"], "metrics-1.json"), "w") as f:
    f.write('{"metrics": {"deep": ' + "[" * 200000 + "]" * 200000 + "}}")
PY
printf '```run\nfile: deep.py\nruns: 1\nwarmup: 0\n```\n' | slides metrics
"$DECKGEN" build "$WORK/metrics/deck" -o "$WORK/metrics/out.html" >"$WORK/stdout" 2>"$WORK/stderr"
code=$?
[[ $code == 0 || $code == 1 ]] || fail "deep metrics: exit $code: $(head -c 300 "$WORK/stderr")"
expect_stderr "nests arrays or objects more than 32 deep"
finish
