#!/usr/bin/env bash
# The real binary on a small deck: the file it writes, and that it is reproducible.
source "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/deck/img"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$WORK/deck/img/dot.png"
cat >"$WORK/deck/01-intro.md" <<'MD'
---
title: End to end
author: Tester
---
# Hello

![dot](img/dot.png)

```python
print("hi")
```

Note: first notes
MD
cat >"$WORK/deck/02-more.md" <<'MD'
## Second

text

---

## Third
MD

expect_exit 0 "$DECKGEN" build "$WORK/deck" -o "$WORK/out/deck.html"
out="$WORK/out/deck.html"
[[ -s $out ]] || fail "no deck written"
sections=$(grep -c '^<section' "$out")
[[ $sections == 4 ]] || fail "expected 4 sections (title + 3 slides), got $sections"
expect_file_contains "$out" '<aside class="notes">'
expect_file_contains "$out" 'src="data:image/png;base64,'
expect_file_contains "$out" '<span class="nb">print</span>'
expect_file_contains "$out" 'Reveal.initialize('
# Self-contained: no external script, stylesheet, image or font reference.
if grep -qE '<(script|link|img)[^>]+(src|href)="(https?:)?//' "$out"; then fail "external reference in the deck"; fi
if grep -qE '@import|url\((["'"'"']?)(https?:)?//' "$out"; then fail "external CSS reference in the deck"; fi

# Byte-identical output for the same input, with and without the highlight cache.
cp "$out" "$WORK/first.html"
expect_exit 0 "$DECKGEN" build "$WORK/deck" -o "$out"
cmp -s "$out" "$WORK/first.html" || fail "second build differs from the first"
rm -rf "$WORK/deck/.deckgen-cache"
expect_exit 0 "$DECKGEN" build "$WORK/deck" -o "$out"
cmp -s "$out" "$WORK/first.html" || fail "build without cache differs"

# Single files in the order given.
echo '# Extra' >"$WORK/extra.md"
expect_exit 0 "$DECKGEN" build "$WORK/deck/02-more.md" "$WORK/extra.md" -o "$WORK/files.html"
grep '^<section' "$WORK/files.html" | sed -n 3p | grep -q 'data-source=".*extra.md' || fail "files not in the given order"

# Corrupt highlighting entries are misses with a warning, not a crash nor a wrong page.
entries=("$WORK"/deck/.deckgen-cache/highlight/*.html)
[[ -e ${entries[0]} ]] || fail "no highlighting entry kept in deck/.deckgen-cache/highlight/"
# "x" first: an entry starting "0" or "1" would be a well-formed one.
for e in "${entries[@]}"; do { printf x; head -c 100 /dev/urandom; } >"$e"; done
expect_exit 0 "$DECKGEN" build "$WORK/deck" -o "$out"
cmp -s "$out" "$WORK/first.html" || fail "build with a corrupt cache differs"
expect_stderr "highlighting entry [0-9a-f]{32} ignored"

# The default paths: deck/ -> output/deck.html, relative to the working directory.
(cd "$WORK" && mkdir -p output && "$DECKGEN" build -q) || fail "default paths"
[[ -s $WORK/output/deck.html ]] || fail "default output/deck.html not written"
finish
