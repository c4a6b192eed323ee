#!/usr/bin/env python3
"""Times two commands in alternating rounds and reports the ratio of their wall times.

hyperfine runs all of one command's runs before the other's, so a machine whose speed
drifts (a VM's neighbours, frequency changes, a helper starting a build) moves one
command's times and not the other's. Here each round runs both, in an order that flips
every round, and the ratio is taken within the round: drift that is slow against a round
cancels. The interval is a percentile bootstrap of the median per-round ratio, seeded so
the same times give the same answer.

  paired.py [--runs N] [--warmup N] [--limit R] NAME_A 'CMD A' NAME_B 'CMD B'

Prints each command's median, the median ratio B/A with its 95% interval, and whether B is
shown within `limit` of A (the interval's top is at most R), shown beyond it (its bottom is
above R), or not decided by these runs.
"""
import argparse
import random
import shlex
import statistics
import subprocess
import sys
import time


def run(argv):
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def interval(ratios, rounds=2000, seed=26):
    rng = random.Random(seed)
    medians = sorted(statistics.median(rng.choices(ratios, k=len(ratios))) for _ in range(rounds))
    return medians[int(0.025 * rounds)], medians[int(0.975 * rounds) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--limit", type=float, default=1.03)
    parser.add_argument("name_a")
    parser.add_argument("cmd_a")
    parser.add_argument("name_b")
    parser.add_argument("cmd_b")
    args = parser.parse_args()
    a, b = shlex.split(args.cmd_a), shlex.split(args.cmd_b)
    for _ in range(args.warmup):
        run(a), run(b)
    times_a, times_b = [], []
    for i in range(args.runs):
        if i % 2 == 0:
            times_a.append(run(a)); times_b.append(run(b))
        else:
            times_b.append(run(b)); times_a.append(run(a))
        print(f"\rround {i + 1}/{args.runs}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    ratios = [tb / ta for ta, tb in zip(times_a, times_b)]
    ratio = statistics.median(ratios)
    low, high = interval(ratios)
    if args.runs < 5:
        verdict = f"not decided: {args.runs} round(s), at least 5 needed"
    elif high <= args.limit:
        verdict = f"within {args.limit - 1:.0%}"
    elif low > args.limit:
        verdict = f"beyond {args.limit - 1:.0%}"
    else:
        verdict = f"not decided by {args.runs} rounds"
    print(f"{args.name_a}: median {statistics.median(times_a) * 1e3:.1f} ms; "
          f"{args.name_b}: median {statistics.median(times_b) * 1e3:.1f} ms")
    print(f"{args.name_b} / {args.name_a}: median per-round ratio {ratio:.3f}x, "
          f"95% interval {low:.3f}-{high:.3f}, {ratio - 1:+.1%}: {verdict} ({args.runs} interleaved rounds)")


if __name__ == "__main__":
    main()
