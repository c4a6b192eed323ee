#!/usr/bin/env bash
# Every input error exits 2 with file:line[:column] and leaves the previous output as it was.
source "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/deck"
echo '# Good' >"$WORK/deck/01.md"
out="$WORK/out.html"
expect_exit 0 "$DECKGEN" build "$WORK/deck" -o "$out"
cp "$out" "$WORK/good.html"
intact() { cmp -s "$out" "$WORK/good.html" || fail "previous output changed after: $1"; }
no_temp_files() { ! ls -A "$WORK" | grep -q '\.tmp-' || fail "temporary file left behind"; }

printf -- '---\ntitle: x\ntitel: y\n---\n# A\n' >"$WORK/deck/01.md"
expect_exit 2 "$DECKGEN" build "$WORK/deck" -o "$out"
expect_stderr "01.md:3:1: error: unknown front matter key 'titel'"
expect_stderr "did you mean 'title'"
intact "unknown key"

printf -- '---\ntheme: neon\n---\n' >"$WORK/deck/01.md"
expect_exit 2 "$DECKGEN" build "$WORK/deck" -o "$out"
expect_stderr "01.md:2:8: error: 'theme' cannot be 'neon'"
intact "bad value"

printf -- '---\ntitle: [unclosed\n---\n' >"$WORK/deck/01.md"
expect_exit 2 "$DECKGEN" build "$WORK/deck" -o "$out"
expect_stderr "01.md:[0-9]+:[0-9]+: error: front matter is not valid YAML"
intact "broken yaml"

printf -- '---\ntitle: x\n# never closed\n' >"$WORK/deck/01.md"
expect_exit 2 "$DECKGEN" build "$WORK/deck" -o "$out"
expect_stderr "01.md:1:1: error: front matter opened with '---' is never closed"
intact "unclosed front matter"

printf '# A\n\nsee ![x](nothere.png)\n' >"$WORK/deck/01.md"
expect_exit 2 "$DECKGEN" build "$WORK/deck" -o "$out"
expect_stderr "01.md:3:10: error: cannot read image"
intact "missing image"

# A claim that cannot fail is an input error at its key, saying what to write instead
# (issue 21): found when the deck is read, before anything runs.
printf '# A\n\n```claim\nnot_faster: a\nthan: a\n```\n' >"$WORK/deck/01.md"
expect_exit 2 "$DECKGEN" build "$WORK/deck" -o "$out"
expect_stderr "01.md:5:7: error: the claim compares 'a' with itself"
expect_stderr "compare two different snippets"
intact "self-comparison"
printf '# A\n\n```claim\nfaster: a\nthan: b\nby: 1\n```\n' >"$WORK/deck/01.md"
expect_exit 2 "$DECKGEN" build "$WORK/deck" -o "$out"
expect_stderr "01.md:6:5: error: 'by: 1' is a factor of at most 1"
expect_stderr "leave out \`by:\`"
intact "by: 1"
printf '# A\n\n```claim\nnot_faster: a\nthan: b\nmargin: 1000000\n```\n' >"$WORK/deck/01.md"
expect_exit 2 "$DECKGEN" build "$WORK/deck" -o "$out"
expect_stderr "01.md:6:9: error: 'margin: 1000000' is not \"not faster\""
intact "absurd margin"
printf '# A\n\n```claim\nvalue: a.m.x.n\nabove: 1\n```\n' >"$WORK/deck/01.md"
expect_exit 2 "$DECKGEN" build "$WORK/deck" -o "$out"
expect_stderr "01.md:4:8: error: 'a.m.x.n' is the number of runs"
expect_stderr "expect:"
intact "claim on .n"
printf '# A\n\n```claim\nvalue: a.wall\nbelow: 1/0\n```\n' >"$WORK/deck/01.md"
expect_exit 2 "$DECKGEN" build "$WORK/deck" -o "$out"
expect_stderr "01.md:5:8: error: 'below: 1/0' is infinite, not a finite number"
intact "infinite bound"
printf '# A\n\n```claim\nvalue: a.wall.average\nbelow: 1\n```\n' >"$WORK/deck/01.md"
expect_exit 2 "$DECKGEN" build "$WORK/deck" -o "$out"
expect_stderr "01.md:4:8: error: 'a.wall.average' has an unknown statistic 'average'"
intact "unknown statistic"

expect_exit 2 "$DECKGEN" build "$WORK/missing-deck" -o "$out"
expect_stderr "missing-deck: error: no such file or folder"
intact "missing input"

echo '# A' >"$WORK/deck/01.md"
chmod 000 "$WORK/deck/01.md"
if [[ $(id -u) != 0 ]]; then  # root reads anything
  expect_exit 2 "$DECKGEN" build "$WORK/deck" -o "$out"
  intact "unreadable file"
fi
chmod 644 "$WORK/deck/01.md"

expect_exit 2 "$DECKGEN" build --no-such-option "$WORK/deck" -o "$out"
expect_stderr "no-such-option"
intact "unknown option"
expect_exit 2 "$DECKGEN"
expect_exit 2 "$DECKGEN" frobnicate

# An output path that cannot be written is reported, exit 2.
expect_exit 2 "$DECKGEN" build "$WORK/deck" -o /proc/deckgen-cannot-write/out.html
expect_stderr "error:"

# --help documents the exit codes.
expect_exit 0 "$DECKGEN" --help
grep -q "2  input or usage error" "$WORK/stdout" || fail "--help lacks the exit codes"
no_temp_files
finish
