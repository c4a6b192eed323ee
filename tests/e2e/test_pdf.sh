#!/usr/bin/env bash
# deckgen pdf: one page per slide (title slide included), speaker notes only with
# --notes, the PDF written whole or not at all, and a clear exit 2 without Chromium.
source "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/deck"
cat >"$WORK/deck/01-intro.md" <<'MD'
---
title: Printed deck
---
# First

alpha

Note: NOTE-FIRST is for the speaker

---

## Second
MD
{
  echo '## A listing longer than a page'
  echo
  echo '```python'
  for i in $(seq 1 80); do echo "line_$i = $i"; done
  echo '```'
} >"$WORK/deck/02-long.md"
# Listings of many heights, each slide ending in a line the page must show.
for n in 12 22 30 45; do
  {
    echo "## A listing of $n lines"
    echo
    echo '```python'
    for i in $(seq 1 $((n - 1))); do echo "value_$i = compute($i, scale=$i.5)  # step $i"; done
    echo "print('LAST-OF-$n')"
    echo '```'
  } >"$WORK/deck/03-listing-$n.md"
done
slides=8  # the title slide, two slides in the first file, one in the second, four listings
# The last code line of each slide, page by page (the title slide and "Second" have none).
last_lines=("" "" "" "line_80 = 80" "LAST-OF-12" "LAST-OF-22" "LAST-OF-30" "LAST-OF-45")

# Pages of a PDF: pdfinfo when poppler-utils is installed, else its page objects.
pages() {
  if command -v pdfinfo >/dev/null; then
    pdfinfo "$1" | awk '/^Pages:/ {print $2}'
  else
    grep -a -o '/Type /Page[^s]' "$1" | wc -l
  fi
}

if [[ ! -x ${DECKGEN_CHROMIUM:-$(command -v chromium)} ]]; then
  fail "chromium is needed for this test (scripts/setup installs it)"
  finish
fi

expect_exit 0 "$DECKGEN" pdf "$WORK/deck" -o "$WORK/out/deck.pdf"
pdf="$WORK/out/deck.pdf"
[[ $(head -c 5 "$pdf" 2>/dev/null) == %PDF- ]] || fail "no PDF written"
[[ $(pages "$pdf") == "$slides" ]] || fail "the PDF has $(pages "$pdf") pages for $slides slides"
expect_stderr "wrote .*deck.pdf \($slides pages\)"
# The page printed is a step on the way, not something the user asked for.
if grep -q 'wrote .*\.html' "$WORK/stderr"; then fail "pdf announced its temporary page: $(cat "$WORK/stderr")"; fi
# Only the PDF remains: the temporary HTML and Chromium's profile are gone.
leftovers=$(find "$WORK/out" -mindepth 1 -maxdepth 1 ! -name deck.pdf)
[[ -z $leftovers ]] || fail "left behind: $leftovers"
if command -v pdftotext >/dev/null; then
  pdftotext "$pdf" "$WORK/text.txt"
  grep -q alpha "$WORK/text.txt" || fail "the slide text is not in the PDF"
  if grep -q NOTE-FIRST "$WORK/text.txt"; then fail "notes printed without --notes"; fi
  # Every page shows its whole slide: the slide's last code line is on its page.
  for page in $(seq 1 "$slides"); do
    want=${last_lines[$((page - 1))]}
    [[ -n $want ]] || continue
    pdftotext -f "$page" -l "$page" "$pdf" "$WORK/page.txt"
    grep -qF -- "$want" "$WORK/page.txt" || fail "page $page lacks its slide's last code line '$want'"
  done
fi

expect_exit 0 "$DECKGEN" pdf --notes "$WORK/deck" -o "$WORK/out/notes.pdf"
[[ $(pages "$WORK/out/notes.pdf") == "$slides" ]] || fail "--notes changed the page count"
if command -v pdftotext >/dev/null; then
  pdftotext "$WORK/out/notes.pdf" "$WORK/notes.txt"
  grep -q NOTE-FIRST "$WORK/notes.txt" || fail "--notes did not print the notes"
  # Below the slide, not over it: the note starts lower on its page than anything of
  # the slide (the slide's own last word, "alpha", is above it).
  pdftotext -bbox -f 2 -l 2 "$WORK/out/notes.pdf" "$WORK/notes-bbox.html"
  word_top() { sed -n "s/.*yMin=\"\([0-9.]*\)\".*>$1<.*/\1/p" "$WORK/notes-bbox.html" | head -1; }
  note_top=$(word_top NOTE-FIRST)
  alpha_bottom=$(sed -n 's/.*yMax="\([0-9.]*\)".*>alpha<.*/\1/p' "$WORK/notes-bbox.html" | head -1)
  page_height=$(pdfinfo -f 2 -l 2 "$WORK/out/notes.pdf" | awk '/^Page +2 size:/ {print $6}')
  if [[ -z $note_top || -z $alpha_bottom ]]; then
    fail "cannot find the note or the slide text on page 2: $(head -c 600 "$WORK/notes-bbox.html")"
  else
    # The slide takes the top 748 px (561 pt) of the page; the note must start below it.
    awk -v n="$note_top" -v a="$alpha_bottom" 'BEGIN { exit !(n > a && n > 561) }' ||
      fail "the note (top $note_top pt) is drawn over the slide (its text ends at $alpha_bottom pt; page $page_height pt)"
  fi
  for page in $(seq 1 "$slides"); do
    want=${last_lines[$((page - 1))]}
    [[ -n $want ]] || continue
    pdftotext -f "$page" -l "$page" "$WORK/out/notes.pdf" "$WORK/page.txt"
    grep -qF -- "$want" "$WORK/page.txt" || fail "with --notes, page $page lacks its slide's last code line '$want'"
  done
fi

# Without Chromium: exit 2, a message that says what to do, the previous PDF untouched.
cp "$pdf" "$WORK/before.pdf"
expect_exit 2 env PATH=/nonexistent "$DECKGEN" pdf "$WORK/deck" -o "$pdf"
expect_stderr "chromium.* is not on PATH"
expect_stderr "apt-get install chromium"
expect_exit 2 env DECKGEN_CHROMIUM="$WORK/no-such-chromium" "$DECKGEN" pdf "$WORK/deck" -o "$pdf"
expect_stderr "DECKGEN_CHROMIUM=.*no-such-chromium is not an executable file"
cmp -s "$pdf" "$WORK/before.pdf" || fail "a failed pdf run changed the previous PDF"

# A Chromium that fails: exit 2 with its message, nothing written.
printf '#!/bin/sh\necho "chromium exploded" >&2\nexit 3\n' >"$WORK/bad-chromium"
chmod +x "$WORK/bad-chromium"
expect_exit 2 env DECKGEN_CHROMIUM="$WORK/bad-chromium" "$DECKGEN" pdf "$WORK/deck" -o "$WORK/out/bad.pdf"
expect_stderr "chromium exploded"
[[ ! -e $WORK/out/bad.pdf ]] || fail "a failed print wrote a PDF"

# A broken deck: exit 2 from the build, no PDF.
printf -- '---\ntitel: x\n---\n# A\n' >"$WORK/deck/01-intro.md"
expect_exit 2 "$DECKGEN" pdf "$WORK/deck" -o "$WORK/out/broken.pdf"
[[ ! -e $WORK/out/broken.pdf ]] || fail "a broken deck wrote a PDF"
finish
