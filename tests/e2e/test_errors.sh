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
