#!/usr/bin/env bash
# deckgen watch on a temporary deck: it serves the deck, a change under the deck or the
# snippets folder (new subfolders included) rebuilds it, editors' scratch files do not,
# a failed rebuild shows its error (escaped) while the last good deck stays served, a
# fix recovers, and SIGINT stops it with exit 0 and the port closed.
source "$(dirname "$0")/lib.sh"
command -v curl >/dev/null || { echo "FAIL: curl is needed (scripts/setup installs it)"; exit 1; }

mkdir -p "$WORK/deck" "$WORK/snippets"
cat >"$WORK/deck/01-intro.md" <<'MD'
---
title: Watched deck
---
# First

alpha

---

## Second

```run
file: hello.sh
runs: 1
warmup: 0
```
MD
echo 'echo SNIPPET-ONE' >"$WORK/snippets/hello.sh"

# Started directly (not in a subshell) so that $! is deckgen itself.
"$DECKGEN" watch "$WORK/deck" -o "$WORK/out/deck.html" --port 0 >"$WORK/watch.out" 2>"$WORK/watch.err" &
pid=$!
trap 'kill -KILL $pid 2>/dev/null; rm -rf "$WORK"' EXIT

if ! wait_until 30 grep -q 'serving http://127.0.0.1:[0-9]*/' "$WORK/watch.out"; then
  fail "no address printed: $(cat "$WORK/watch.out" "$WORK/watch.err")"
  finish
fi
url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$WORK/watch.out")
port=${url##*:}; port=${port%/}

fetch() { curl -fsS --max-time 5 "$url$1" 2>/dev/null; }
# Into a variable first: `curl | grep -q` fails under pipefail when grep stops reading early.
page_has() { local page; page=$(fetch "") && [[ $page == *"$1"* ]]; }
version() { fetch __deckgen/version | grep -o '"version":[0-9]*' | cut -d: -f2; }
version_is_not() { local v; v=$(version) && [[ -n $v && $v != "$1" ]]; }
error_is_empty() { [[ -z $(fetch __deckgen/error) ]]; }

wait_until 30 page_has alpha || fail "the first build is not served: $(cat "$WORK/watch.err")"
page_has SNIPPET-ONE || fail "the snippet's output is not in the served deck"
page_has '/__deckgen/events' || fail "the served page has no live-reload script"
[[ -s $WORK/out/deck.html ]] || fail "the deck file was not written"
if grep -q '__deckgen' "$WORK/out/deck.html"; then fail "the live-reload script leaked into the written deck"; fi
page_has 'Reveal.initialize' || fail "/ does not serve the deck"
[[ $(fetch deck.html) == *alpha* ]] || fail "/deck.html does not serve the deck"
[[ $(curl -s -o /dev/null -w '%{http_code}' "${url}nothing-here") == 404 ]] || fail "an unknown path is not 404"
[[ $(curl -s -o /dev/null -w '%{http_code}' -X POST "$url") == 405 ]] || fail "POST is not 405"

# A slide edit: the served page changes and the version moves on.
v1=$(version)
sed -i 's/^alpha$/gamma/' "$WORK/deck/01-intro.md"
wait_until 30 page_has gamma || fail "the edit was not served"
version_is_not "$v1" || fail "the version did not change after a rebuild"

# A snippet edit (the snippets folder is watched too).
echo 'echo SNIPPET-TWO' >"$WORK/snippets/hello.sh"
wait_until 30 page_has SNIPPET-TWO || fail "the snippet change was not served"

# A folder created after the start is watched as well, with the folders inside it.
v2=$(version)
mkdir -p "$WORK/deck/extra/deeper"
wait_until 30 version_is_not "$v2" || fail "a new folder did not trigger a rebuild"
v3=$(version)
echo 'text' >"$WORK/deck/extra/deeper/notes.txt"
wait_until 30 version_is_not "$v3" || fail "a file in a new subfolder did not trigger a rebuild"

# Scratch files (swap, backup, Emacs auto-save, hidden) do not rebuild. Absence can
# only be checked by waiting; a second is several times the debounce.
v4=$(version)
touch "$WORK/deck/.01-intro.md.swp" "$WORK/deck/01-intro.md~" "$WORK/deck/#01-intro.md#" "$WORK/deck/4913"
sleep 1
[[ $(version) == "$v4" ]] || fail "a scratch file triggered a rebuild"

# A broken front matter: the error is shown (as text, escaped) and in the terminal; the
# last good deck is still served.
v5=$(version)
sed -i 's/^title: Watched deck$/<b>bold<\/b>: oops/' "$WORK/deck/01-intro.md"
wait_until 30 bash -c "curl -fsS '${url}__deckgen/error' | grep -q 'unknown front matter key'" ||
  fail "the error endpoint does not show the failure"
page_has gamma || fail "the last good deck is no longer served"
[[ $(version) == "$v5" ]] || fail "a failed rebuild changed the served version"
page_has 'unknown front matter key' || fail "the page does not carry the error for its overlay"
page_has '\u003cb>bold\u003c/b>' || fail "the error in the page is not escaped"
if page_has "'<b>bold</b>'"; then fail "the error's markup reached the page unescaped"; fi
grep -q 'unknown front matter key' "$WORK/watch.err" || fail "the terminal does not show the failure"

# Fixed: recovers.
sed -i 's/^<b>bold<\/b>: oops$/title: Watched again/' "$WORK/deck/01-intro.md"
wait_until 30 page_has 'Watched again' || fail "the fix was not served"
error_is_empty || fail "the error is still shown after the fix"

# A second watch on the same port cannot start: exit 2 with the reason.
expect_exit 2 timeout 30 "$DECKGEN" watch "$WORK/deck" -o "$WORK/out2/deck.html" --port "$port"
expect_stderr "cannot listen on 127.0.0.1:$port"

# SIGINT: exits 0, and the port is closed.
kill -INT "$pid"
if wait_until 20 bash -c "! kill -0 $pid 2>/dev/null"; then
  wait "$pid"
  code=$?
  [[ $code == 0 ]] || fail "watch exited $code after SIGINT (wanted 0)"
  if curl -s --max-time 2 -o /dev/null "$url"; then fail "the port still answers after SIGINT"; fi
  grep -q 'deckgen watch: stopped' "$WORK/watch.err" || fail "no 'stopped' line"
else
  fail "watch did not stop within 20 s of SIGINT"
fi
finish
