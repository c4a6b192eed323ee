#!/usr/bin/env bash
# Times deckgen against marp, pandoc (revealjs, self-contained) and cmark-gfm alone (the
# parser floor) on generated 60- and 600-slide decks: one hyperfine run per deck size,
# all tools side by side. Then prints a Markdown report (machine, commands, results,
# ratios with PASS/MISS against issue 2's targets, output sizes) to stdout and to
# bench/work/report.md. A benchmark, not a test: it always exits 0 once it has measured.
#
# Installs what is missing (apt: hyperfine pandoc cmark-gfm; npm ci in bench/) and
# builds deckgen; deckgen's own build dependencies come from scripts/setup.
#
# Environment: BENCH_SIZES (default "60 600"), BENCH_WARMUP (default 3),
# BENCH_MIN_RUNS (default 10).
set -euo pipefail
cd "$(dirname "$0")/.."
work=bench/work   # relative: the printed commands stay short and portable
read -r -a sizes <<<"${BENCH_SIZES:-60 600}"
warmup=${BENCH_WARMUP:-3}
min_runs=${BENCH_MIN_RUNS:-10}

# --- what the benchmark needs ---------------------------------------------------------
missing=()
for p in hyperfine pandoc cmark-gfm python3; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  echo "bench: installing ${missing[*]}" >&2
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# marp-cli and reveal.js 4, as bench/package-lock.json pins them. marp's HTML export
# needs no browser, so puppeteer must not download one.
stamp=bench/node_modules/.bench-lock-stamp
if [[ ! -f $stamp ]] || ! cmp -s bench/package-lock.json "$stamp"; then
  echo "bench: npm ci in bench/" >&2
  (cd bench && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >&2)
  cp bench/package-lock.json "$stamp"
fi

# deckgen: configure once, then let ninja rebuild whatever changed (a no-op if nothing).
[[ -f build/build.ninja ]] || cmake --preset default >&2
cmake --build --preset default -j2 >&2

deckgen=build/deckgen
marp=bench/node_modules/.bin/marp
reveal=bench/node_modules/reveal.js
# Debian 12's pandoc is 2.17: --self-contained (--embed-resources arrived in 2.19).
if pandoc --help | grep -q -- '--embed-resources'; then embed=--embed-resources; else embed=--self-contained; fi

# --- one hyperfine run per deck size --------------------------------------------------
mkdir -p "$work"
cat /proc/loadavg >"$work/load-before.txt"
hyperfine_flags=(-N --warmup "$warmup" --min-runs "$min_runs")
echo "hyperfine ${hyperfine_flags[*]}" >"$work/hyperfine.txt"
: >"$work/commands.txt"
for n in "${sizes[@]}"; do
  deck=$work/deck-$n.md
  out=$work/out-$n
  python3 bench/gen_deck.py "$n" -o "$deck"
  rm -rf "$out"
  mkdir -p "$out/deckgen" "$out/deckgen-cold"

  # Command names and command lines, in the order hyperfine runs them. deckgen keeps its
  # highlight cache in the deck's folder (.deckgen-cache): "deckgen" is measured warm (the
  # warmup runs fill the cache); "deckgen-cold" deletes the cache before every run, so
  # Pygments runs each time (the operating system's file cache stays warm for both).
  names=(deckgen deckgen-cold marp pandoc cmark-gfm)
  cmds=(
    "$deckgen build $deck -o $out/deckgen/deck.html"
    "$deckgen build $deck -o $out/deckgen-cold/deck.html"
    "$marp $deck -o $out/marp.html"
    "pandoc -t revealjs $embed -V revealjs-url=$reveal -M pagetitle=bench-$n $deck -o $out/pandoc.html"
    "cmark-gfm -e table $deck"
  )
  prepares=(true "rm -rf $work/.deckgen-cache" true true true)

  args=()
  for i in "${!names[@]}"; do
    args+=(-n "${names[$i]}" --prepare "${prepares[$i]}" "${cmds[$i]}")
    printf '%s\t%s\t%s\n' "$n" "${names[$i]}" "${cmds[$i]}" >>"$work/commands.txt"
  done
  echo "bench: $n slides" >&2
  # -N: no intermediate shell, so nothing is subtracted from millisecond-scale runs.
  hyperfine "${hyperfine_flags[@]}" --export-json "$work/results-$n.json" "${args[@]}" >&2

  cmark-gfm -e table "$deck" >"$out/cmark-gfm.html"   # for its size only
done

python3 bench/report.py "$work" "${sizes[@]}" | tee "$work/report.md"
