#!/usr/bin/env bash
# `watch` is steady (issue 24, item 4) and survives what is saved into it (item 1), on
# the real binary with the inputs of tests/hostile/watch/:
# - -o or the deck reached through a symbolic link builds once per real change (it made
#   77-494 builds in 10 s): builds are counted from watch's output, not timed;
# - an event-stream subscriber that never reads is dropped; beyond 64 connections a
#   client gets a 503; slow readers of a big deck share one copy of it;
# - a slide of 12,000 nested divs saved under watch is an error, and watch goes on.
# The sleeps give a build loop time to show; no verdict depends on how long anything took.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/snippets_lib.sh"
HOSTILE=$(realpath "$(dirname "$0")/../hostile/watch")
watch_pid=
trap '[[ -n $watch_pid ]] && kill -KILL $watch_pid 2>/dev/null; rm -rf "$WORK"' EXIT

# start_watch LOG DECK OUT: watch DECK into OUT in the background; $port once deck 1 is served.
start_watch() {
  "$DECKGEN" watch "$2" -o "$3" --port 0 >"$WORK/$1.out" 2>"$WORK/$1.err" &
  watch_pid=$!
  wait_until 60 grep -q 'serving http://127.0.0.1:[0-9]*/' "$WORK/$1.out" 2>/dev/null &&
    wait_until 120 grep -q 'deck 1 is served' "$WORK/$1.err" ||
    { fail "$1: watch did not serve its first deck: $(cat "$WORK/$1.err")"; return 1; }
  port=$(grep -o '127.0.0.1:[0-9]*' "$WORK/$1.out" | cut -d: -f2)
}
stop_watch() {
  kill -INT "$watch_pid"
  wait_until 20 eval '! kill -0 "$watch_pid" 2>/dev/null' || { fail "watch outlived SIGINT"; kill -KILL "$watch_pid"; }
  wait "$watch_pid" 2>/dev/null
  watch_pid=
}
builds() { grep -c 'is served' "$WORK/$1.err"; }
edit() { sed -i "s/^Edit .*/Edit $2/" "$1"; }

# --- an output or the deck reached through a symbolic link: one build per change ----------
for layout in linked-deck linked-output both; do
  root=$WORK/$layout
  mkdir -p "$root"
  cp -r "$HOSTILE/deck" "$HOSTILE/snippets" "$root/"
  ln -s "$root/deck" "$root/link"
  case $layout in
    linked-deck) deck=$root/link out=$root/deck/out.html ;;   # the deck watched through the link
    linked-output) deck=$root/deck out=$root/link/out.html ;; # -o names the deck folder through it
    both) deck=$root/link out=$root/link/out.html ;;
  esac
  start_watch "$layout" "$deck" "$out" || continue
  sleep 3  # a loop writing its own outputs would have built again and again by now
  edit "$root/deck/01.md" 1
  wait_until 60 grep -q 'deck 2 is served' "$WORK/$layout.err" || fail "$layout: the edit was not rebuilt"
  sleep 3
  n=$(builds "$layout")
  echo "  $layout: $n builds"
  ((n <= 2)) || fail "$layout: $n builds for one change (wanted at most 2): $(grep changed "$WORK/$layout.err" | head -3)"
  stop_watch
done

# --- clients that never read --------------------------------------------------------------
big=$WORK/big
mkdir -p "$big"
cp -r "$HOSTILE/deck" "$HOSTILE/snippets" "$big/"
# A slide holding an 8 MiB image: every version of it the page is sent is over 10 MB.
head -c $((8 << 20)) /dev/urandom | { printf '\x89PNG\r\n\x1a\n'; cat; } >"$big/deck/big.png"
printf '\n---\n\n## Big\n\nEdit 0\n\n![big](big.png)\n' >>"$big/deck/01.md"
start_watch big "$big/deck" "$big/out/deck.html"
rss_kib() { awk '/^VmRSS/ {print $2}' /proc/"$watch_pid"/status; }

# 15 slow readers of the page share one copy of it (15 copies reached 1.7 GB).
before=$(rss_kib)
exec {hold}> >("$PY" "$HOSTILE/clients.py" slow "$port" 15 "$WORK/slow-ready")
wait_until 30 test -e "$WORK/slow-ready" || fail "the slow clients never connected"
sleep 2
after=$(rss_kib)
exec {hold}>&-
page_kib=$(($(stat -c %s "$big/out/deck.html") / 1024))
echo "  15 slow readers: $(((after - before) >> 10)) MiB more (the page is $((page_kib >> 10)) MiB)"
# One copy more is fine; fifteen are not.
((after - before < 4 * page_kib)) || fail "15 slow readers took $(((after - before) >> 10)) MiB (the page is $((page_kib >> 10)) MiB)"

# Both sides of the cap: 64 connections at once are served, the next 6 get a 503.
refused=$("$PY" "$HOSTILE/clients.py" crowd "$port" 70)
echo "  70 subscribers: $refused refused"
((refused == 6)) || fail "70 subscribers at once: $refused were refused (wanted 6)"

# A subscriber that never reads is dropped rather than queued for without end (8 MiB),
# and one that reads what it is sent is kept, through the same rebuilds, though each
# event holds the changed slide with its image (about 11 MB, more than the limit alone).
"$PY" "$HOSTILE/clients.py" never_reads "$port" "$WORK/sub-ready" "$WORK/sub-go" &
sub=$!
"$PY" "$HOSTILE/clients.py" reads "$port" "$WORK/reader-ready" "$WORK/sub-go" 5 &
reader=$!
wait_until 30 test -e "$WORK/sub-ready" || fail "the subscriber never subscribed"
wait_until 30 test -e "$WORK/reader-ready" || fail "the reading subscriber never got its first event"
for i in 1 2 3 4; do
  sed -i "s/^Edit [0-9]*$/Edit $i/" "$big/deck/01.md"
  wait_until 60 grep -q "deck $((i + 1)) is served" "$WORK/big.err" || fail "rebuild $i was not served"
done
touch "$WORK/sub-go"
wait "$sub" || fail "a subscriber that never read was kept, its events queued"
wait "$reader" || fail "a subscriber that read every event was dropped (or missed events)"
kill -0 "$watch_pid" 2>/dev/null || fail "watch died: $(tail -3 "$WORK/big.err")"
stop_watch

# --- 12,000 nested divs saved under watch: an error, and watch goes on --------------------
nest=$WORK/nest
mkdir -p "$nest"
cp -r "$HOSTILE/deck" "$HOSTILE/snippets" "$nest/"
start_watch nest "$nest/deck" "$nest/out/deck.html"
"$PY" "$HOSTILE/../nested_divs.py" 12000 "::: columns" pause >"$nest/deck/02.md"
wait_until 60 grep -q "fenced divs nest more than 50 deep" "$WORK/nest.err" ||
  fail "the nested divs are not an error: $(tail -3 "$WORK/nest.err")"
kill -0 "$watch_pid" 2>/dev/null || fail "watch died on the nested divs: $(tail -3 "$WORK/nest.err")"
rm "$nest/deck/02.md"
edit "$nest/deck/01.md" fixed
wait_until 60 grep -q "deck 2 is served" "$WORK/nest.err" || fail "watch did not build again after the nesting was removed"
stop_watch
finish
