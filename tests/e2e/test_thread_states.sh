#!/usr/bin/env bash
# `trace: threads` (issue 26) through the real binary: a snippet that imports nothing
# gets its threads' states sampled from outside; they reach the timeline (states and
# the legend in words), the trace file beside the deck (deckgen.sched events), and the
# placeholders and claims that read ID.threads.NAME. The claim's bound is generous:
# two Python threads never compute together, whatever else the machine is doing.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"

new_deck gil
snippet gil gil.py <<'PY'
import threading, time
def spin():
    end = time.monotonic() + 0.3
    while time.monotonic() < end:
        pass
threads = [threading.Thread(target=spin) for _ in range(2)]
for t in threads: t.start()
for t in threads: t.join()
PY
slides gil <<'MD'
---
python: /usr/bin/python3
---
```run
file: gil.py
trace: threads
runs: 3
warmup: 0
```

Overlap: {{gil.threads.overlap}}; waiting for the GIL: {{gil.threads.lock}}.

```claim
value: gil.threads.overlap.max
below: 20
```

```timeline
snippet: gil
cpus: true
```
MD
expect_exit 0 "$DECKGEN" build "$WORK/gil/deck" -o "$WORK/gil/out/deck.html" --report "$WORK/gil/report.json"
deck=$WORK/gil/out/deck.html
expect_file_contains "$deck" 'data-placeholder="gil.threads.overlap">'
expect_file_contains "$deck" 'data-placeholder="gil.threads.lock">'
expect_file_contains "$deck" 'waiting for a lock (the GIL, a mutex)'
expect_file_contains "$deck" 'thread states sampled from outside at'
expect_file_contains "$WORK/gil/out/traces/gil.json" '"cat":"deckgen.sched"'
expect_file_contains "$WORK/gil/report.json" 'threads.sampler_cpu'

# A list asks for both; anything else in it is an input error at its line.
slides gil <<'MD'
```run
file: gil.py
trace: [spans, stacks]
```
MD
expect_exit 2 "$DECKGEN" build "$WORK/gil/deck" -o "$WORK/gil/out/deck.html"
expect_stderr "'trace' cannot hold 'stacks'"
finish
