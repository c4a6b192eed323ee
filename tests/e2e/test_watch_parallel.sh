#!/usr/bin/env bash
# deckgen watch builds like `build`: untimed snippets run in parallel. Judged by the
# snippets' own records of when each ran (monotonic clock, /proc/uptime), never by how
# long the build took: some two of them must have been running at the same moment.
source "$(dirname "$0")/lib.sh"
command -v curl >/dev/null || { echo "FAIL: curl is needed (scripts/setup installs it)"; exit 1; }

mkdir -p "$WORK/deck" "$WORK/snippets" "$WORK/stamps"
# Each run writes "START END" (seconds since boot) into the shared folder.
cat >"$WORK/snippets/stamp.sh" <<'SH'
read -r start _ </proc/uptime
sleep 1
read -r end _ </proc/uptime
echo "$start $end" >"$STAMPS/$DECKGEN_SNIPPET_ID.$$"
SH
{
  echo "# Parallel"
  for i in 1 2 3 4; do
    printf '\n```run\nid: s%s\nfile: stamp.sh\nargs: [%s]\nruns: 1\nwarmup: 0\nenv: {STAMPS: "%s"}\n```\n' "$i" "$i" "$WORK/stamps"
  done
} >"$WORK/deck/01.md"

"$DECKGEN" watch "$WORK/deck" -o "$WORK/out/deck.html" --port 0 >"$WORK/watch.out" 2>"$WORK/watch.err" &
pid=$!
trap 'kill -KILL $pid 2>/dev/null; rm -rf "$WORK"' EXIT

four_stamps() { [[ $(ls "$WORK/stamps" | wc -l) -ge 4 ]]; }
wait_until 60 four_stamps || fail "the snippets did not all run: $(cat "$WORK/watch.err")"
kill -INT $pid
wait $pid

# Any two runs whose lifetimes overlap?
overlap=$(cat "$WORK"/stamps/* | awk '{ s[NR] = $1; e[NR] = $2 }
  END { for (i = 1; i <= NR; i++) for (j = i + 1; j <= NR; j++) if (s[i] < e[j] && s[j] < e[i]) n++; print n + 0 }')
((overlap > 0)) || fail "watch ran its untimed snippets one after the other: $(cat "$WORK"/stamps/*)"
finish
