#!/usr/bin/env bash
# Figure SVGs keep the README's promise, under 1 MB (issue 24, item 5), for the red
# team's traces (tests/hostile/traces/write_trace.py): 100,000 nested spans, 20,000
# values of 50 counter series, a 50 MB name. Both sides of the series limit: a lane draws
# 10 counter series, and says how many more it left out. The `timeout`s only stop a hang.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"
HOSTILE=$(realpath "$(dirname "$0")/../hostile")

# timeline_svg DECK_HTML: the timeline figure's SVG, on stdout.
timeline_svg() {
  "$PY" - "$1" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
at = page.find('<svg xmlns="http://www.w3.org/2000/svg" class="deckgen-timeline"')
if at < 0:
    sys.exit("no timeline on the deck")
print(page[at:page.index("</svg>", at) + 6])
PY
}

# drawn NAME KIND [N]: a deck whose snippet writes the KIND trace; builds, its figure in $WORK/NAME.svg.
drawn() {
  new_deck "$1"
  cp "$HOSTILE/traces/write_trace.py" "$WORK/$1/snippets/"
  printf '```run\nfile: write_trace.py\nargs: [%s]\ntrace: true\nruns: 1\nwarmup: 0\n```\n\n```timeline\nsnippet: write_trace\n```\n' \
    "${*:2}" | sed 's/\[\(.*\) \(.*\)\]/[\1, \2]/' | slides "$1"
  expect_exit 0 timeout 300 "$DECKGEN" build -q "$WORK/$1/deck" -o "$WORK/$1/out.html"
  timeline_svg "$WORK/$1/out.html" >"$WORK/$1.svg" || fail "$1: no timeline drawn"
  local size
  size=$(stat -c %s "$WORK/$1.svg")
  echo "  $1: the timeline is $size bytes"
  ((size < 1 << 20)) || fail "$1: the timeline is $size bytes, over 1 MB"
}

drawn nested nested_spans
drawn counters counters 50
grep -q "40 more counter series not drawn" "$WORK/counters.svg" || fail "the 40 counter series left out are not said"
drawn ten_counters counters 10
grep -q "counter series not drawn" "$WORK/ten_counters.svg" && fail "10 counter series: one was left out"
grep -q '>load.s9<' "$WORK/ten_counters.svg" || fail "10 counter series: the tenth is not drawn"
drawn huge_name huge_name
grep -q "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn" "$WORK/huge_name.svg" &&
  fail "a name of 250 characters or more reached the figure"
# The deck's own copy of the trace cuts those names too (its 5 copies of the 50 MB name
# made a 262 MB deck); the file beside the deck keeps them whole.
deck_size=$(stat -c %s "$WORK/huge_name/out.html")
((deck_size < 2 << 20)) || fail "huge name: the deck is $deck_size bytes"
trace_size=$(stat -c %s "$WORK/huge_name/traces/write_trace.json")
((trace_size > 250 << 20)) || fail "huge name: traces/write_trace.json is $trace_size bytes, not whole"
# Both sides of the name cut (about 200 characters, render/timeline_svg.cpp): a span
# name of exactly 200 characters is shown whole in its tooltip, one of 201 is cut.
n200=$(printf 'n%.0s' $(seq 199))Z
drawn name_200 name_of 200
grep -qF "<title>$n200: " "$WORK/name_200.svg" || fail "a name of 200 characters was cut"
drawn name_201 name_of 201
grep -qF "n${n200}" "$WORK/name_201.svg" && fail "a name of 201 characters was shown whole"
grep -qE "<title>n{190,199}…: " "$WORK/name_201.svg" || fail "a name of 201 characters: no tooltip cut with …"
finish
