#!/usr/bin/env bash
# No recursion that input controls (issue 24, item 1): nesting beyond a limit is an
# input error at file:line (exit 2), never a crash; within it, the deck builds.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"
HOSTILE=$(realpath "$(dirname "$0")/../hostile")

# divs DECK LEVELS OPEN [PAUSE]: a slide of LEVELS nested divs opened with OPEN, with a
# `. . .` pause inside each when PAUSE is set (tests/hostile/nested_divs.py).
divs() { "$PY" "$HOSTILE/nested_divs.py" "$2" "$3" ${4:+"$4"} >"$WORK/$1/deck/01.md"; }

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

# Bracketed spans: 16,000 nested overflowed the stack; both sides of the limit (50).
new_deck spans
for levels in 16000 51; do
  "$PY" "$HOSTILE/nested_spans.py" nested "$levels" | slides spans
  expect_exit 2 timeout 120 "$DECKGEN" build -q "$WORK/spans/deck" -o "$WORK/spans/out.html"
  # The column of the `[` whose span holds 50 others: the (levels - 50)th from the left.
  expect_stderr "01.md:3:$((levels - 50)): error: bracketed spans nest more than 50 deep here"
done
"$PY" "$HOSTILE/nested_spans.py" nested 50 | slides spans
expect_exit 0 timeout 120 "$DECKGEN" build -q "$WORK/spans/deck" -o "$WORK/spans/out.html"
[[ $(grep -o '<span class="fragment">' "$WORK/spans/out.html" | wc -l) == 50 ]] || fail "50 nested spans: not 50 made"
expect_file_contains "$WORK/spans/out.html" "innermost</span>"
# 40,000 spans side by side (9 s and 11 GB when each copied the rest of the text), under
# a memory limit well above what they take now (70 MB): the limit, not a clock, fails it.
"$PY" "$HOSTILE/nested_spans.py" flat 40000 | slides spans
(ulimit -v $((1 << 20)); timeout 120 "$DECKGEN" build -q "$WORK/spans/deck" -o "$WORK/spans/out.html") 2>"$WORK/stderr" ||
  fail "40,000 spans side by side: $(head -c 300 "$WORK/stderr")"
[[ $(grep -o '<span class="fragment">shown</span>' "$WORK/spans/out.html" | wc -l) == 40000 ]] ||
  fail "40,000 spans side by side: not all made"

# YAML nested past what yaml-cpp's parser allows (its DepthGuard: about 500 levels of
# flow lists) is an input error that says so, not "bad file"; 498 levels read (the
# Quarto key `format:` is ignored with a warning).
for levels in 499 100000 498; do
  "$PY" -c "import sys; n = int(sys.argv[1]); print('---\nformat: ' + '[' * n + ']' * n + '\n---\n\n# A\n')" "$levels" |
    slides spans
  if ((levels == 498)); then
    expect_exit 0 timeout 120 "$DECKGEN" build -q "$WORK/spans/deck" -o "$WORK/spans/out.html"
  else
    expect_exit 2 timeout 120 "$DECKGEN" build -q "$WORK/spans/deck" -o "$WORK/spans/out.html"
    expect_stderr "01.md:2:[0-9]+: error: front matter nests lists or maps too deep"
  fi
done

# Claim bounds: the expression parser.
# claim KIND: a claim whose bound is tests/hostile/claim_bound.py KIND.
claim() {
  new_deck claim
  echo 'echo hello' | snippet claim hello.sh
  { printf '```run\nfile: hello.sh\n```\n\n```claim\nvalue: hello.wall\nbelow: '; "$PY" "$HOSTILE/claim_bound.py" "$1"; printf '```\n'; } \
    | slides claim
}
for bound in parens mins parens_101; do
  claim "$bound"
  expect_exit 2 timeout 120 "$DECKGEN" build -q "$WORK/claim/deck" -o "$WORK/claim/out.html"
  expect_stderr "01.md:7:[0-9]+: error: in '.*': parentheses and min/max nest more than 100 deep"
done
# These build (the wall time of `echo` is below a billion ms): 100,000 unary minuses, a
# flat sum of 40,000 terms, and parentheses 100 deep (the limit).
for bound in minuses flat_sum parens_100; do
  claim "$bound"
  expect_exit 0 timeout 120 "$DECKGEN" build -q "$WORK/claim/deck" -o "$WORK/claim/out.html"
done
claim infinite
expect_exit 2 timeout 120 "$DECKGEN" build -q "$WORK/claim/deck" -o "$WORK/claim/out.html"
expect_stderr "01.md:7:8: error: 'below: 1/0' is infinite, not a finite number"
claim nan
expect_exit 2 timeout 120 "$DECKGEN" build -q "$WORK/claim/deck" -o "$WORK/claim/out.html"
expect_stderr "01.md:7:8: error: 'below: 0/0' is NaN, not a finite number"

# A snippet's metrics file holding a 200,000-deep value: named, the build goes on, and
# no temporary folder is left (the crash left them).
new_deck metrics
cp "$HOSTILE/deep_metrics.py" "$WORK/metrics/snippets/"
printf '```run\nfile: deep_metrics.py\nruns: 1\nwarmup: 0\n```\n' | slides metrics
mkdir -p "$WORK/tmp"
TMPDIR=$WORK/tmp "$DECKGEN" build "$WORK/metrics/deck" -o "$WORK/metrics/out.html" >"$WORK/stdout" 2>"$WORK/stderr"
code=$?
[[ $code == 0 || $code == 1 ]] || fail "deep metrics: exit $code: $(head -c 300 "$WORK/stderr")"
expect_stderr "nests arrays or objects more than 32 deep"
[[ -z $(ls -A "$WORK/tmp") ]] || fail "the deep metrics left temporary folders: $(ls "$WORK/tmp")"
# Both sides of the limit: 32 deep is read (the value, an array, is named as not a
# number), 33 is refused whole.
for depth in 30 31; do
  printf '```run\nfile: deep_metrics.py\nargs: [%s]\nruns: 1\nwarmup: 0\n```\n' "$depth" | slides metrics
  "$DECKGEN" build --no-cache "$WORK/metrics/deck" -o "$WORK/metrics/out.html" >"$WORK/stdout" 2>"$WORK/stderr"
  if ((depth == 30)); then
    expect_stderr "metric 'deep' is array, not a number"
    grep -q "nests arrays" "$WORK/stderr" && fail "30 arrays deep was refused"
  else
    expect_stderr "metrics-1.json nests arrays or objects more than 32 deep"
  fi
done
finish
