#!/usr/bin/env bash
# The trace helpers ship inside deckgen (issue 14): a deck without a copy imports
# deckgen_trace in Python and includes deckgen_trace.h in C++; a deck that keeps its own
# copy gets that one (the snippets folder comes first on both paths, C's too).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"

new_deck bare
snippet bare metric.py <<'PY'
import deckgen_trace as dt
with dt.span("work"):
    pass
dt.metric("answer", 42, "")
PY
snippet bare metric.cpp <<'CPP'
#include <deckgen_trace.h>
int main() { deckgen::metric("answer", 7, ""); }
CPP
slides bare <<'MD'
---
python: /usr/bin/python3
---
```run
file: metric.py
trace: true
runs: 1
warmup: 0
```

The answer is {{metric.m.answer}}.

```timeline
snippet: metric
```

```run
id: metric-cpp
file: metric.cpp
runs: 1
warmup: 0
```

And in C++: {{metric-cpp.m.answer}}.
MD
expect_exit 0 "$DECKGEN" build "$WORK/bare/deck" -o "$WORK/bare/out/deck.html" --report "$WORK/bare/report.json"
expect_file_contains "$WORK/bare/out/deck.html" 'data-placeholder="metric.m.answer">42<'
expect_file_contains "$WORK/bare/out/deck.html" 'data-placeholder="metric-cpp.m.answer">7<'
[[ -e $WORK/bare/snippets/deckgen_trace.py || -e $WORK/bare/snippets/deckgen_trace.h ]] &&
  fail "deckgen wrote a helper into the deck's snippets folder"

# The deck's own copies win over deckgen's.
new_deck own
snippet own deckgen_trace.py <<'PY'
print("the deck's own helper")
PY
snippet own deckgen_trace.h <<'C'
#define OWN_HELPER "the deck's own header"
C
snippet own uses.py <<'PY'
import deckgen_trace
PY
snippet own uses.c <<'C'
#include <stdio.h>
#include <deckgen_trace.h>
int main(void) { puts(OWN_HELPER); return 0; }
C
slides own <<'MD'
---
python: /usr/bin/python3
---
```run
file: uses.py
runs: 1
warmup: 0
expect: {stdout: "the deck's own helper"}
```

```run
file: uses.c
id: uses-c
runs: 1
warmup: 0
expect: {stdout: "the deck's own header"}
```
MD
expect_exit 0 "$DECKGEN" build "$WORK/own/deck" -o "$WORK/own/out/deck.html"

# deckgen's copies live in a folder of its own, which is gone when it exits.
mkdir -p "$WORK/tmp"
TMPDIR="$WORK/tmp" expect_exit 0 "$DECKGEN" build "$WORK/bare/deck" -o "$WORK/bare/again/deck.html" --force
leftover=$(find "$WORK/tmp" -maxdepth 1 -name 'deckgen-helpers-*')
[[ -z $leftover ]] || fail "the helpers' folder was left behind: $leftover"
finish
