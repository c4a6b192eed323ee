#!/usr/bin/env bash
# Every file deckgen writes obeys the output rules (issue 24, item 3): outputs are
# replaced together or not at all; `-o dir/`, a linked traces/ and a name too long for
# traces/ (or a FIFO in it) are refused before anything runs or is created.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"

new_deck commit
echo 'echo hi' | snippet commit hello.sh
printf '# One\n\n```run\nfile: hello.sh\nruns: 1\nwarmup: 0\n```\n' | slides commit
out=$WORK/commit/out
expect_exit 0 "$DECKGEN" build -q "$WORK/commit/deck" -o "$out/deck.html" --report "$out/r.json" --junit "$out/j.xml"
cp -r "$out" "$WORK/before"

# A file size limit the small report and JUnit file fit under and the deck does not: the
# write fails (EFBIG, not a death by SIGXFSZ) and no output is replaced.
printf '# Two\n\n```run\nfile: hello.sh\nruns: 1\nwarmup: 0\n```\n' | slides commit
(ulimit -f 64; exec "$DECKGEN" build -q "$WORK/commit/deck" -o "$out/deck.html" --report "$out/r.json" --junit "$out/j.xml") \
  >"$WORK/stdout" 2>"$WORK/stderr"
code=$?
[[ $code == 2 ]] || fail "a deck over the file size limit: exit $code (wanted 2): $(head -c 300 "$WORK/stderr")"
expect_stderr "cannot write"
for f in deck.html r.json j.xml; do cmp -s "$out/$f" "$WORK/before/$f" || fail "$f was replaced by a build that failed"; done
ls -A "$out" | grep -q '\.tmp-' && fail "a temporary file was left: $(ls -A "$out")"

# -o dir/: refused, nothing made.
expect_exit 2 "$DECKGEN" build -q "$WORK/commit/deck" -o "$WORK/newdir/"
expect_stderr "-o ends in '/'"
[[ -e $WORK/newdir ]] && fail "-o dir/ created the folder"

# A traces/ beside the deck that links elsewhere: refused before the snippet runs.
new_deck traced
printf 'touch "%s"\necho hi\n' "$WORK/traced-ran" | snippet traced t.sh
printf '```run\nfile: t.sh\ntrace: true\nruns: 1\nwarmup: 0\n```\n' | slides traced
mkdir -p "$WORK/traced/out"
ln -s "$WORK/traced/snippets" "$WORK/traced/out/traces"
expect_exit 2 "$DECKGEN" build -q "$WORK/traced/deck" -o "$WORK/traced/out/deck.html"
expect_stderr "a symbolic link"
[[ -e $WORK/traced-ran ]] && fail "the snippet ran before the linked traces/ was refused"
[[ $(ls "$WORK/traced/snippets") == t.sh ]] || fail "something was written into snippets/: $(ls "$WORK/traced/snippets")"

# A FIFO where traces/t.json goes: refused before the snippet runs (it was written over).
rm "$WORK/traced/out/traces"
mkdir "$WORK/traced/out/traces"
mkfifo "$WORK/traced/out/traces/t.json"
expect_exit 2 timeout 60 "$DECKGEN" build -q "$WORK/traced/deck" -o "$WORK/traced/out/deck.html"
expect_stderr "traces/t.json.* a FIFO"
[[ -e $WORK/traced-ran ]] && fail "the snippet ran before the FIFO in traces/ was refused"
[[ -p $WORK/traced/out/traces/t.json ]] || fail "the FIFO in traces/ was replaced"
rm -r "$WORK/traced/out/traces"

# An id too long for traces/ID.json: refused before anything runs (251 bytes + .json).
long=$(printf 'a%.0s' {1..251})
printf '```run\nfile: t.sh\nid: %s\ntrace: true\nruns: 1\nwarmup: 0\n```\n' "$long" | slides traced
expect_exit 2 "$DECKGEN" build -q "$WORK/traced/deck" -o "$WORK/traced/out/deck.html"
expect_stderr "file name of 256 bytes"
[[ -e $WORK/traced-ran ]] && fail "the snippet ran before the long name was refused"
# 250 bytes: fine.
printf '```run\nfile: t.sh\nid: %s\ntrace: true\nruns: 1\nwarmup: 0\n```\n' "${long:1}" | slides traced
expect_exit 0 "$DECKGEN" build -q "$WORK/traced/deck" -o "$WORK/traced/out/deck.html"
finish
