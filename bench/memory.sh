#!/usr/bin/env bash
# Peak memory of reading and rendering one large Markdown file (issue 13, item 11):
# generated decks of about 10 and 50 MB (bench/gen_deck.py), built once each under
# GNU time, which reports the peak resident set size. Pygments is left out
# (DECKGEN_HIGHLIGHT_PYTHON=/bin/false: code stays plain, with a warning) so that the
# figure is deckgen's own; --no-cache so that nothing is read from an earlier run.
#
#   bench/memory.sh [path/to/deckgen]     (default build/deckgen)
set -euo pipefail
cd "$(dirname "$0")/.."
deckgen=$(realpath "${1:-build/deckgen}")
work=bench/work/memory
mkdir -p "$work"
# Slides for about 10 and 50 MiB (one generated slide is about 1.2 KB).
for slides in 8716 43580; do
  deck=$work/deck-$slides.md
  [[ -f $deck ]] || python3 bench/gen_deck.py "$slides" -o "$deck"
  DECKGEN_HIGHLIGHT_PYTHON=/bin/false /usr/bin/time -f "%M %e %U %S" -o "$work/time.txt" \
    "$deckgen" build -q "$deck" -o "$work/out-$slides/deck.html" --no-cache 2>/dev/null
  read -r rss wall user sys <"$work/time.txt"
  printf '%s slides, %s MB of Markdown: peak RSS %s MB, %s s wall (%s s user, %s s system)\n' \
    "$slides" "$(( $(stat -c %s "$deck") / 1000000 ))" "$(( rss * 1024 / 1000000 ))" "$wall" "$user" "$sys"
done
