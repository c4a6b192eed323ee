#!/usr/bin/env bash
# The cache is never wrong (issue 24, item 2), on the real binary with the inputs of
# tests/hostile/cache/: an entry whose meaning is wrong (damage_entry.py) is a miss with
# a warning and the snippet runs again; symbolic links inside the cache are neither read
# nor written through; a source edited while it ran is not kept under its old key.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"
HOSTILE=$(realpath "$(dirname "$0")/../hostile/cache")

# damaged KIND WARNING: a fresh build, KIND of damage to its cache, then the next build
# warns WARNING and does not take the result from the cache.
damaged() {
  local d=$WORK/$1
  rm -rf "$d" && mkdir -p "$d" && cp -r "$HOSTILE/deck" "$HOSTILE/snippets" "$d/"
  expect_exit 0 "$DECKGEN" build -q "$d/deck" -o "$d/out.html"
  "$PY" "$HOSTILE/damage_entry.py" "$d/deck/.deckgen-cache" "$1" || fail "$1: cannot damage the cache"
  expect_exit 0 "$DECKGEN" build "$d/deck" -o "$d/out.html" --report "$d/report.json"
  expect_stderr "$2"
  [[ $1 == img_onerror ]] || report_check "$d/report.json" 'not s["hello"]["from_cache"]' "$1: the damaged result was used"
}
damaged run_count "ignored: the wall statistics counts 7 values, not the 3 recorded"
damaged negative_time "ignored: .*run 1's wall time is -1.5"
damaged absurd_time "ignored: .*run 0's user time"
damaged shown_run "ignored: shown_run 3 is not one of the 3 runs"
damaged other_id "ignored: it holds snippet 'someone_else', not 'hello'"
damaged img_onerror "ignored: not HTML that Pygments writes"
grep -q "onerror=alert" "$WORK/img_onerror/out.html" && fail "the planted <img onerror> reached the deck"
damaged linked_entry "is a symbolic link"
damaged linked_folder "is a symbolic link"
[[ -z $(ls -A "$WORK/linked_folder/outside") ]] || fail "an entry was written through the linked folder: $(ls "$WORK/linked_folder/outside")"

# A source edited while it ran, then restored: the next build runs it again rather than
# show the edited program's output under the original code.
d=$WORK/edited
mkdir -p "$d/deck" "$d/snippets"
cp "$HOSTILE/snippets/edits_itself.sh" "$d/snippets/"
cp "$d/snippets/edits_itself.sh" "$d/original.sh"
printf '```run\nfile: edits_itself.sh\nenv: {SELF: "%s", MARK: "%s"}\nruns: 3\nwarmup: 0\n```\n' \
  "$d/snippets/edits_itself.sh" "$d/mark" >"$d/deck/01.md"
expect_exit 0 "$DECKGEN" build "$d/deck" -o "$d/out.html"
expect_stderr "snippet 'edits_itself' changed while it ran"
cp "$d/original.sh" "$d/snippets/edits_itself.sh"  # restored
expect_exit 0 "$DECKGEN" build -q "$d/deck" -o "$d/out.html" --report "$d/report.json"
report_check "$d/report.json" 'not s["edits_itself"]["from_cache"]' "the edited program's result was kept under the original's key"
expect_no_snippet_html "$d/out.html" edits_itself yyy
expect_exit 0 "$DECKGEN" build -q "$d/deck" -o "$d/out.html" --report "$d/report.json"
report_check "$d/report.json" 's["edits_itself"]["from_cache"]' "an unchanged result is not kept"
finish
