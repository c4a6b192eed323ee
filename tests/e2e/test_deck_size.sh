#!/usr/bin/env bash
# Issue 12, item 9: the 60-slide benchmark deck (bench/gen_deck.py 60, what bench/render.sh
# builds, at the same relative path so the bytes are the same) stays under 400 KB, read
# as 400,000 bytes as bench/report.py reads it. Deterministic: a size, not a time.
source "$(dirname "$0")/lib.sh"
repo=$(cd "$(dirname "$0")/../.." && pwd)
limit=400000

mkdir -p "$WORK/bench/work"
python3 "$repo/bench/gen_deck.py" 60 -o "$WORK/bench/work/deck-60.md" || fail "gen_deck.py failed"
(cd "$WORK" && "$DECKGEN" build bench/work/deck-60.md -o out/deck.html >"$WORK/stdout" 2>"$WORK/stderr")
code=$?
[[ $code == 0 ]] || fail "building the 60-slide deck exited $code: $(cat "$WORK/stderr")"
deck=$WORK/out/deck.html
# Measured as the benchmark is: with its code coloured by Pygments (an uncoloured deck is
# smaller and would pass for the wrong reason).
expect_file_contains "$deck" '<span class="kn">import</span>'
size=$(stat -c %s "$deck")
echo "60-slide deck: $size bytes (limit $limit)"
((size < limit)) || fail "the 60-slide deck is $size bytes, not under $limit"
finish
