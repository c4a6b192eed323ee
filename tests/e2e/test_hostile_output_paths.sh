#!/usr/bin/env bash
# Outputs never destroy anything, and the cache is deckgen's alone (issue 13, items 1, 2
# and 9). Every special file is made here, in a private temp folder: never a system path.
source "$(dirname "$0")/lib.sh"
HOSTILE=$(cd "$(dirname "$0")/../hostile" && pwd)
cp -r "$HOSTILE/deck" "$HOSTILE/snippets" "$WORK/"
deck=$WORK/deck
cp -r "$deck" "$WORK/pristine"

# untouched: the deck's files are as they were, and nothing was written.
untouched() {
  diff -r "$WORK/pristine" "$deck" >/dev/null || fail "the deck changed after: $1"
  [[ ! -e $WORK/out/deck.html ]] || fail "a deck was written after: $1"
  [[ ! -e $deck/.deckgen-cache ]] || fail "the cache was made after: $1"
}
# refused WHAT CMD...: exit 2 with WHAT in the message and nothing written.
refused() {
  local what=$1; shift
  expect_exit 2 "$@"
  expect_stderr "$what"
  untouched "$*"
}

# Special files: a FIFO, a socket, a symbolic link to the FIFO, a folder.
mkfifo "$WORK/fifo"
/usr/bin/python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$WORK/socket"
ln -s "$WORK/fifo" "$WORK/to-fifo"
mkdir "$WORK/folder"
refused "-o names a FIFO" "$DECKGEN" build -q "$deck" -o "$WORK/fifo"
refused "--report names a socket" "$DECKGEN" build -q "$deck" -o "$WORK/out/deck.html" --report "$WORK/socket"
refused "--junit names a FIFO" "$DECKGEN" check -q "$deck" --junit "$WORK/to-fifo"
refused "-o names a folder" "$DECKGEN" build -q "$deck" -o "$WORK/folder"
expect_stderr "name a new file"  # what to do
[[ -p $WORK/fifo && -S $WORK/socket ]] || fail "a special file was replaced"
if command -v chromium >/dev/null || [[ -n ${DECKGEN_CHROMIUM:-} ]]; then
  refused "-o names a FIFO" "$DECKGEN" pdf -q "$deck" -o "$WORK/to-fifo"
fi

# The deck's own inputs, however spelled.
refused "-o names .*00.md, an input of the deck" "$DECKGEN" build -q "$deck" -o "$deck/00.md"
refused "--junit names .*00.md" "$DECKGEN" build -q "$deck" -o "$WORK/out/deck.html" --junit "$deck/../deck/./00.md"
refused "--report names .*hello.sh, an input" "$DECKGEN" check -q "$deck" --report "$WORK/snippets/hello.sh"
refused "an input of the deck" "$DECKGEN" build -q "$deck" -o "$deck/images/dot.png"
ln -s "$deck/00.md" "$WORK/innocent.html"
refused "an input of the deck" "$DECKGEN" build -q "$deck" -o "$WORK/innocent.html"
ln "$deck/images/dot.png" "$WORK/hard-link.html"
refused "an input of the deck" "$DECKGEN" build -q "$deck" -o "$WORK/hard-link.html"
refused "--report names the same file as -o" "$DECKGEN" build -q "$deck" -o "$WORK/out/x" --report "$WORK/out/./x"

# Inside the cache (it exists after one build).
expect_exit 0 "$DECKGEN" build -q "$deck" -o "$WORK/out/deck.html"
[[ -f $deck/.deckgen-cache/CACHEDIR.TAG ]] || fail "no tagged cache in the deck folder"
expect_exit 2 "$DECKGEN" build -q "$deck" -o "$deck/.deckgen-cache/deck.html"
expect_stderr "inside deckgen's cache"
[[ ! -e $deck/.deckgen-cache/deck.html ]] || fail "wrote into the cache"

# One cache per deck: another -o, and check, take the results from it.
expect_exit 0 "$DECKGEN" check -q "$deck" --report "$WORK/report.json"
grep -q '"from_cache": *true' "$WORK/report.json" || fail "check did not use the cache build made"

# A stale temporary file from a kill -9 goes; names deckgen does not make stay.
touch "$WORK/out/.deck.html.tmp-Ab12Cd" "$WORK/out/.deck.html.tmp-long123" "$WORK/out/.notes.html.tmp-Ab12Cd"
expect_exit 0 "$DECKGEN" build -q "$deck" -o "$WORK/out/deck.html"
[[ ! -e $WORK/out/.deck.html.tmp-Ab12Cd ]] || fail "the stale temporary file is still there"
[[ -e $WORK/out/.deck.html.tmp-long123 && -e $WORK/out/.notes.html.tmp-Ab12Cd ]] || fail "removed a file deckgen did not make"

# clean takes the deck and removes only the tagged folder.
expect_exit 0 "$DECKGEN" clean "$deck"
[[ ! -e $deck/.deckgen-cache ]] || fail "clean left the cache"

# A .deckgen-cache deckgen did not make is neither used, tagged nor removed.
mkdir -p "$deck/.deckgen-cache/pip" && echo precious >"$deck/.deckgen-cache/pip/wheel"
rm -rf "$WORK/pristine" && cp -r "$deck" "$WORK/pristine"
expect_exit 2 "$DECKGEN" build -q "$deck" -o "$WORK/out/deck.html"
expect_stderr "deckgen did not make it"
expect_stderr "move or rename it"
expect_exit 2 "$DECKGEN" clean "$deck"
diff -r "$WORK/pristine" "$deck" >/dev/null || fail "deckgen touched a folder it did not make"
expect_exit 0 "$DECKGEN" build -q "$deck" -o "$WORK/out/deck.html" --no-cache
diff -r "$WORK/pristine" "$deck" >/dev/null || fail "--no-cache touched the cache folder"
rm -rf "$deck/.deckgen-cache"

# The attack that once removed pip's data: an output in a home folder holding .cache.
mkdir -p "$WORK/home/.cache/pip" && echo precious >"$WORK/home/.cache/pip/wheel"
expect_exit 0 "$DECKGEN" build -q "$deck" -o "$WORK/home/talk.html"
expect_exit 0 "$DECKGEN" clean "$deck" -o "$WORK/home/talk.html"
[[ -f $WORK/home/.cache/pip/wheel && ! -e $WORK/home/.cache/CACHEDIR.TAG ]] || fail "deckgen touched ~/.cache"
finish
