#!/usr/bin/env bash
# Input that means nothing is said to mean nothing (issue 24, item 7): odd slide files,
# byte order marks, CR-only line ends, bidirectional controls, numbers beyond a double
# and a ratio over zero. (Non-finite claim bounds: test_hostile_nesting.sh.)
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"
HOSTILE=$(realpath "$(dirname "$0")/../hostile")

# A slide file that is a FIFO, a folder or a dangling link is an error (a FIFO blocked
# the read for ever; the others were skipped without a word), in a deck folder or named.
for kind in fifo folder dangling; do
  new_deck "$kind"
  echo '# Fine' >"$WORK/$kind/deck/01.md"
  case $kind in
    fifo) mkfifo "$WORK/$kind/deck/02.md" ;;
    folder) mkdir "$WORK/$kind/deck/02.md" ;;
    dangling) ln -s "$WORK/nowhere.md" "$WORK/$kind/deck/02.md" ;;
  esac
  expect_exit 2 timeout 60 "$DECKGEN" build -q "$WORK/$kind/deck" -o "$WORK/$kind/out.html"
  expect_stderr "02.md: error: this slide file is (a FIFO|a folder|a link to nothing)"
  # Named on the command line (a folder named so is read as a deck folder, and refused so).
  expect_exit 2 timeout 60 "$DECKGEN" build -q "$WORK/$kind/deck/01.md" "$WORK/$kind/deck/02.md" -o "$WORK/$kind/out.html"
  expect_stderr "02.md: error: (this slide file is (a FIFO|a link to nothing)|a deck folder cannot be combined)"
done
# A link to a regular file is a slide file.
new_deck link
echo '# Linked slide' >"$WORK/link/real.md"
ln -s "$WORK/link/real.md" "$WORK/link/deck/01.md"
expect_exit 0 "$DECKGEN" build -q "$WORK/link/deck" -o "$WORK/link/out.html"
expect_file_contains "$WORK/link/out.html" "Linked slide"

# A UTF-8 byte order mark before the front matter: still front matter.
new_deck bom
printf '\xef\xbb\xbf---\ntitle: Marked title\n---\n# Body\n' | slides bom
expect_exit 0 "$DECKGEN" build -q "$WORK/bom/deck" -o "$WORK/bom/out.html"
expect_file_contains "$WORK/bom/out.html" "<title>Marked title</title>"
grep -q -- '---' "$WORK/bom/out.html" && grep -q 'title: Marked' "$WORK/bom/out.html" && fail "front matter shown as text"
printf '\xef\xbb\xbf---\ntitel: x\n---\n' | slides bom
expect_exit 2 "$DECKGEN" build -q "$WORK/bom/deck" -o "$WORK/bom/out.html"
expect_stderr "01.md:2:1: error: unknown front matter key 'titel'"

# CR-only line ends (classic Mac): read as line ends, positions right.
new_deck cr
printf -- '---\rtitle: CR deck\r---\r# One\r\r---\r\r# Two\r\rtext {{nothing.wall}}\r' | slides cr
expect_exit 2 "$DECKGEN" build -q "$WORK/cr/deck" -o "$WORK/cr/out.html"
expect_stderr "01.md:10:"
printf -- '---\rtitle: CR deck\r---\r# One\r\r---\r\r# Two\r' | slides cr
expect_exit 0 "$DECKGEN" build -q "$WORK/cr/deck" -o "$WORK/cr/out.html"
expect_file_contains "$WORK/cr/out.html" "<title>CR deck</title>"
[[ $(grep -o '<section' "$WORK/cr/out.html" | wc -l) -ge 2 ]] || fail "CR-only deck is not two slides"

# U+202E in a failing snippet's output reaches the terminal written out, as ESC does.
new_deck bidi
printf 'printf "x\\342\\200\\256evil\\n" >&2\nexit 1\n' | snippet bidi rtl.sh
printf '```run\nfile: rtl.sh\nruns: 1\nwarmup: 0\n```\n' | slides bidi
expect_exit 1 "$DECKGEN" build "$WORK/bidi/deck" -o "$WORK/bidi/out.html"
expect_stderr 'x\\u\{202e\}evil'
grep -q $'\u202e' "$WORK/stderr" && fail "a raw U+202E reached the terminal"

# 1e400 in a metrics file costs only its own metric (it dropped every metric of the file).
new_deck double
cp "$HOSTILE/beyond_double_metrics.py" "$WORK/double/snippets/"
printf '```run\nfile: beyond_double_metrics.py\nruns: 1\nwarmup: 0\n```\n\nspeed {{beyond_double_metrics.m.speed}}\n' | slides double
expect_exit 0 "$DECKGEN" build "$WORK/double/deck" -o "$WORK/double/out.html"
expect_stderr "metric 'huge' is beyond the range of a double: 1e400"
expect_stderr "metric 'tiny' is beyond the range of a double"
expect_file_contains "$WORK/double/out.html" 'data-placeholder="beyond_double_metrics.m.speed">12.5 ms<'

# {{ratio a b m.n}} with b's n = 0 says why it shows n/a.
new_deck ratio
cp "$HOSTILE/count_metric.py" "$WORK/ratio/snippets/"
printf '```run\nfile: count_metric.py\nid: a\nargs: [3]\nruns: 1\nwarmup: 0\n```\n\n```run\nfile: count_metric.py\nid: b\nargs: [%s]\nruns: 1\nwarmup: 0\n```\n\nratio {{ratio a b m.n}}\n' 0 | slides ratio
expect_exit 0 "$DECKGEN" build -q "$WORK/ratio/deck" -o "$WORK/ratio/out.html"
expect_file_contains "$WORK/ratio/out.html" "n/a (b.m.n is 0)"
finish
