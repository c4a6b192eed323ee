#!/usr/bin/env python3
"""Turn bench/render.sh's hyperfine JSON into a Markdown report for docs/performance.md.

    bench/report.py WORK_DIR SIZE...      (run from the repository root)

Reads WORK_DIR/results-SIZE.json, WORK_DIR/commands.txt and the outputs in
WORK_DIR/out-SIZE/, and prints: the machine, the exact commands, one results table per
deck size, the ratios with PASS/MISS against issue 2's targets, and the output sizes.
Ratios use the median of the runs, which a shared, noisy machine disturbs less than the
mean. Standard library only.
"""

import json
import os
import pathlib
import platform
import subprocess
import sys

# Issue 2, "Performance".
MAX_DECKGEN_OVER_CMARK = 3.0
MIN_MARP_OVER_DECKGEN = 20.0
MAX_DECK_60_BYTES = 400_000  # "under 400 KB", read as SI kilobytes (the stricter reading)

OUTPUT_FILES = {  # where each command wrote its deck, relative to out-SIZE/
    "deckgen": "deckgen/deck.html",
    "deckgen-cold": "deckgen-cold/deck.html",
    "marp": "marp.html",
    "pandoc": "pandoc.html",
    "cmark-gfm": "cmark-gfm.html",
}


def first_line(argv):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, check=False)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def cpu_model():
    for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def memory_gib():
    for line in pathlib.Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024 / 1024
    return 0.0


def os_name():
    for line in pathlib.Path("/etc/os-release").read_text().splitlines():
        if line.startswith("PRETTY_NAME="):
            return line.split("=", 1)[1].strip('"')
    return platform.system()


def deckgen_revision():
    rev = first_line(["git", "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(["git", "diff", "--quiet", "HEAD", "--", "generator", "CMakeLists.txt"],
                           check=False).returncode != 0
    return rev + (" + uncommitted changes" if dirty else "")


def machine(work):
    load_before = (work / "load-before.txt").read_text().split()[:3] \
        if (work / "load-before.txt").exists() else ["?"] * 3
    return [
        f"- CPU: {cpu_model()}, {os.cpu_count()} logical CPUs "
        f"(shared with other users; load average before the run {' '.join(load_before)})",
        f"- Memory: {memory_gib():.1f} GiB; OS: {os_name()}, kernel {platform.release()}",
        f"- Tools: deckgen {deckgen_revision()} (Release build); "
        f"{first_line(['bench/node_modules/.bin/marp', '--version'])}; "
        f"{first_line(['pandoc', '--version'])}; {first_line(['cmark-gfm', '--version'])}; "
        f"{first_line(['hyperfine', '--version'])}; node {first_line(['node', '--version'])}",
    ]


def ms(seconds):
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def size(n_bytes):
    return f"{n_bytes / 1000:.1f} kB" if n_bytes < 1_000_000 else f"{n_bytes / 1e6:.2f} MB"


def load(work, n):
    results = json.loads((work / f"results-{n}.json").read_text())["results"]
    by_name = {r["command"]: r for r in results}
    sizes = {}
    for name, rel in OUTPUT_FILES.items():
        path = work / f"out-{n}" / rel
        sizes[name] = path.stat().st_size if path.exists() else None
    return by_name, sizes


def results_table(n, by_name, sizes):
    floor = by_name["cmark-gfm"]["median"]
    rows = [f"**{n} slides**", "",
            "| command | mean ± σ | median | min … max | runs | × cmark-gfm | output |",
            "|---|--:|--:|--:|--:|--:|--:|"]
    for name, r in by_name.items():
        out = size(sizes[name]) if sizes.get(name) is not None else "–"
        rows.append(f"| {name} | {ms(r['mean'])} ± {ms(r['stddev'] or 0)} | {ms(r['median'])} "
                    f"| {ms(r['min'])} … {ms(r['max'])} | {len(r['times'])} "
                    f"| {r['median'] / floor:.1f} | {out} |")
    return rows


def verdict(ok):
    return "PASS" if ok else "MISS"


def ratio_rows(n, by_name):
    med = {name: r["median"] for name, r in by_name.items()}
    rows = []
    for variant in ("deckgen", "deckgen-cold"):
        if variant not in med:
            continue
        over_cmark = med[variant] / med["cmark-gfm"]
        marp_over = med["marp"] / med[variant]
        label = "warm highlight cache" if variant == "deckgen" else "cold highlight cache"
        rows.append(f"| {n} | {variant} / cmark-gfm ({label}) | {over_cmark:.1f}× "
                    f"| ≤ {MAX_DECKGEN_OVER_CMARK:.0f}× | {verdict(over_cmark <= MAX_DECKGEN_OVER_CMARK)} |")
        rows.append(f"| {n} | marp / {variant} ({label}) | {marp_over:.1f}× "
                    f"| ≥ {MIN_MARP_OVER_DECKGEN:.0f}× | {verdict(marp_over >= MIN_MARP_OVER_DECKGEN)} |")
    return rows


def main(argv):
    work = pathlib.Path(argv[1])
    sizes_arg = argv[2:]
    lines = ["### Machine", ""] + machine(work) + [""]

    lines += ["### Commands", "",
              "Run from the repository root: `bench/render.sh` (decks from "
              "`bench/gen_deck.py N -o bench/work/deck-N.md`, seed 2024). One hyperfine run "
              "per deck size, `" + (work / "hyperfine.txt").read_text().strip() + "`, with these commands; "
              "`deckgen-cold` runs `rm -rf bench/work/.deckgen-cache` as its "
              "`--prepare` step, so Pygments highlights every block on every run, while "
              "`deckgen` is measured with the cache its warmup runs filled.", "", "```"]
    for line in (work / "commands.txt").read_text().splitlines():
        n, name, cmd = line.split("\t")
        lines.append(f"{name + ' (' + n + ')':<20} {cmd}")
    lines += ["```", "", "### Results", ""]

    loaded = {n: load(work, n) for n in sizes_arg}
    for n in sizes_arg:
        lines += results_table(n, *loaded[n]) + [""]

    lines += ["### Targets (issue 2), from the medians", "",
              "| slides | ratio | measured | target | |", "|--:|---|--:|--:|---|"]
    for n in sizes_arg:
        lines += ratio_rows(n, loaded[n][0])
    for n in sizes_arg:
        if n == "60":
            deck_bytes = loaded[n][1]["deckgen"]
            lines.append(f"| 60 | deckgen output size | {size(deck_bytes)} ({deck_bytes / 1024:.1f} KiB) "
                         f"| < 400 kB | {verdict(deck_bytes < MAX_DECK_60_BYTES)} |")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
