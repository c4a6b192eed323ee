#!/usr/bin/env python3
"""The claims engine's error rate on the real binary.

Each replicate writes a one-slide deck whose two snippets replay pre-drawn values
(log-normal, CV 10%) as a recorded metric, one value per run, and whose claim sits
exactly on its bound; `deckgen check` decides it with adaptive sampling as a real build
would, from a cold cache. The share of replicates where the claim held is the false-hold
rate, printed with its Wilson 95% interval, for each claim kind.

Usage: bench/calibration/run.py [--replicates N] [--jobs J] [--deckgen build/deckgen] [--kinds K,...]
Replayed values make the verdicts independent of this machine's load: only the time the
benchmark takes depends on it.
"""
import argparse
import concurrent.futures
import json
import math
import os
import pathlib
import random
import subprocess
import sys
import tempfile

SIGMA = math.sqrt(math.log(1 + 0.10 ** 2))  # CV 10%
MAX_RUNS = 100  # every value a replicate could ask for is drawn in advance

KINDS = {
    # name: (claim block, median of a, median of b)
    "faster": ("faster: a\nthan: b\nmetric: m.t\n", 1.0, 1.0),
    "faster-by-2": ("faster: a\nthan: b\nby: 2\nmetric: m.t\n", 1.0, 2.0),
    "not-faster": ("not_faster: a\nthan: b\nmargin: 1.1\nmetric: m.t\n", 1.0, 1.1),
    "equivalent": ("equivalent: a\nto: b\nmargin: 1.1\nmetric: m.t\n", 1.0, 1.1),
    "median": ("value: a.m.t\nbelow: 1.0\n", 1.0, 1.0),
}

SNIPPET = """import pathlib
from deckgen_trace import metric
state = pathlib.Path({state!r})
values = {values!r}
i = int(state.read_text()) if state.exists() else 0
state.write_text(str(i + 1))
metric("t", values[i], "s")
"""


def wilson(k, n, z=1.96):
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def replicate(deckgen, kind, seed, limits):
    claim, median_a, median_b = KINDS[kind]
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="deckgen-calibration-") as top:
        top = pathlib.Path(top)
        (top / "deck").mkdir()
        (top / "snippets").mkdir()
        for name, median in (("a", median_a), ("b", median_b)):
            values = [median * math.exp(rng.gauss(0, SIGMA)) for _ in range(MAX_RUNS + 10)]
            (top / "snippets" / f"{name}.py").write_text(
                SNIPPET.format(state=str(top / f"state-{name}"), values=values))
        runs = "\n".join(f"```run\nfile: {n}.py\nid: {n}\nruns: 5\nwarmup: 0\nshow: [output]\n```\n" for n in "ab")
        (top / "deck" / "slides.md").write_text(
            f"---\ntitle: calibration\n---\n## Replicate\n\n{runs}\n```claim\n{claim}{limits}```\n")
        report = top / "report.json"
        proc = subprocess.run([deckgen, "check", str(top / "deck"), "--no-cache", "-q", "--report", str(report)],
                              capture_output=True, text=True, timeout=600)
        if proc.returncode == 2 or not report.exists():
            raise RuntimeError(f"deckgen failed on {kind} seed {seed}:\n{proc.stdout}\n{proc.stderr}")
        claims = json.loads(report.read_text())["claims"]
        return claims[0]["outcome"], claims[0].get("runs", [0])[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replicates", type=int, default=250)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--deckgen", default=str(pathlib.Path(__file__).resolve().parents[2] / "build" / "deckgen"))
    parser.add_argument("--kinds", default="faster,faster-by-2,not-faster")
    parser.add_argument("--max-runs", type=int, default=40)
    args = parser.parse_args()
    limits = f"budget: 3600\nmax_runs: {args.max_runs}\n"
    print(f"deckgen: {args.deckgen}; python: {os.path.realpath(sys.executable)}; "
          f"{args.replicates} replicates per kind, max_runs {args.max_runs}, CV 10%, claims on their bound")
    total_held = total = 0
    for kind in args.kinds.split(","):
        outcomes = {"holds": 0, "fails": 0, "undecided": 0}
        runs = 0
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            futures = [pool.submit(replicate, args.deckgen, kind, 7919 * i + len(kind), limits)
                       for i in range(args.replicates)]
            for f in futures:
                outcome, n = f.result()
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
                runs += n
        held = outcomes["holds"]
        lo, hi = wilson(held, args.replicates)
        total_held += held
        total += args.replicates
        print(f"{kind:12} held {held:4}/{args.replicates} = {100 * held / args.replicates:5.1f}% "
              f"(Wilson 95%: {100 * lo:.1f}–{100 * hi:.1f}%); failed {outcomes['fails']}, "
              f"undecided {outcomes['undecided']}; mean runs of a {runs / args.replicates:.1f}")
    lo, hi = wilson(total_held, total)
    print(f"{'all':12} held {total_held:4}/{total} = {100 * total_held / total:5.1f}% (Wilson 95%: {100 * lo:.1f}–{100 * hi:.1f}%)"
          f"; nominal at most 5%")


if __name__ == "__main__":
    main()
