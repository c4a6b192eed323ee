#!/usr/bin/env bash
# deckgen watch serves the newest deck written whatever its claims say: with a claim
# that fails, the deck is still served (the failure on its slide, no error overlay), and
# a prose edit reaches the page. Only an input error shows the overlay.
source "$(dirname "$0")/lib.sh"
command -v curl >/dev/null || { echo "FAIL: curl is needed (scripts/setup installs it)"; exit 1; }

mkdir -p "$WORK/deck" "$WORK/snippets"
# A run's longest wall time is a fact about the runs and never below 0, so the claim
# fails whatever the machine's load.
cat >"$WORK/deck/01.md" <<'MD'
# Claims

prose-one

```run
file: hello.sh
runs: 2
warmup: 0
```

```claim
value: hello.wall.max
below: 0
```
MD
echo 'echo hi' >"$WORK/snippets/hello.sh"

"$DECKGEN" watch "$WORK/deck" -o "$WORK/out/deck.html" --port 0 >"$WORK/watch.out" 2>"$WORK/watch.err" &
pid=$!
trap 'kill -KILL $pid 2>/dev/null; rm -rf "$WORK"' EXIT

if ! wait_until 30 grep -q 'serving http://127.0.0.1:[0-9]*/' "$WORK/watch.out"; then
  fail "no address printed: $(cat "$WORK/watch.out" "$WORK/watch.err")"
  finish
fi
url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$WORK/watch.out")
fetch() { curl -fsS --max-time 5 "$url$1" 2>/dev/null; }
page_has() { local page; page=$(fetch "") && [[ $page == *"$1"* ]]; }
error_is_empty() { [[ -z $(fetch __deckgen/error) ]]; }

wait_until 30 page_has prose-one || fail "the first deck (its claim failing) is not served: $(cat "$WORK/watch.err")"
page_has 'Claim failed' || fail "the failed claim is not on the served slide"
error_is_empty || fail "a failed claim put the error overlay over the deck: $(fetch __deckgen/error)"
grep -q 'claim failed' "$WORK/watch.err" || fail "the terminal does not say the claim failed"

# A prose edit while the claim still fails: on the page.
sed -i 's/^prose-one$/prose-two/' "$WORK/deck/01.md"
wait_until 30 page_has prose-two || fail "the prose edit did not reach the page while a claim fails"
error_is_empty || fail "the error overlay is shown after the edit"

# An input error writes nothing: the overlay over the last deck written.
sed -i 's/^below: 0$/belo: 0/' "$WORK/deck/01.md"
wait_until 30 bash -c "curl -fsS '${url}__deckgen/error' | grep -q 'belo'" || fail "the input error is not shown"
page_has prose-two || fail "the last deck written is no longer served"

kill -INT "$pid"
wait_until 20 bash -c "! kill -0 $pid 2>/dev/null" || fail "watch did not stop within 20 s of SIGINT"
finish
