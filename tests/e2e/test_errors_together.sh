#!/usr/bin/env bash
# Issue 14: every input error found before running is reported in one pass, each at the
# offending key; a missing folder is named as a folder; a failing snippet's stderr tail
# is printed in the terminal, not only on its slide.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"

new_deck many
snippet many ok.py <<<'print("ok")'
slides many <<'MD'
# Three mistakes

```run
file: ok.py
runz: 3
```

```run
id: gone
file: missing.py
```

```run
file: ok.py
id: shifted
  warmup: 0
```
MD
expect_exit 2 "$DECKGEN" build "$WORK/many/deck" -o "$WORK/many/out/deck.html"
expect_stderr "01.md:5:1: error: unknown run block key 'runz'"
expect_stderr "01.md:10:7: error: snippet file 'missing.py' does not exist in the snippets folder"
expect_stderr "01.md:16:3: error: run block is not valid YAML, probably because of indentation"
expect_stderr "      exit: 0"
expect_stderr "3 input errors; nothing was written"
[[ -e $WORK/many/out/deck.html ]] && fail "a deck was written despite input errors"

# A missing folder is named as a folder, once.
new_deck folder
snippet folder a.py <<<'print(1)'
printf '```run\nfile: a.py\n```\n\n```run\nfile: a.py\nid: b\n```\n' >"$WORK/folder/deck/01.md"
expect_exit 2 "$DECKGEN" build "$WORK/folder/deck" --snippets "$WORK/folder/nope" -o "$WORK/folder/out.html"
expect_stderr "error: the snippets folder .*/folder/nope does not exist"
[[ $(grep -c "error:" "$WORK/stderr") == 1 ]] || fail "a missing folder gave more than one error: $(cat "$WORK/stderr")"

# A failing snippet: its exit status and the end of its stderr, in the terminal.
new_deck failing
snippet failing boom.py <<'PY'
import sys
print("line one of the story", file=sys.stderr)
raise SystemExit("the snippet gave up: no module named 'deckgen_magic'")
PY
slides failing <<'MD'
---
python: /usr/bin/python3
---
```run
file: boom.py
runs: 1
warmup: 0
```
MD
expect_exit 1 "$DECKGEN" build "$WORK/failing/deck" -o "$WORK/failing/out.html"
expect_stderr "error: snippet 'boom' failed: exit status 1"
expect_stderr "stderr of the last run:"
expect_stderr "  \\| line one of the story"
expect_stderr "  \\| the snippet gave up: no module named 'deckgen_magic'"
finish
