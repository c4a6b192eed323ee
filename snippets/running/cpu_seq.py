"""Twelve CPU-bound jobs, one after the other: the baseline."""
import time
from deckgen_trace import metric

def crunch(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total

def timed(run):
    start = time.perf_counter()
    run()
    return time.perf_counter() - start

# Twelve equal jobs, as in cpu_procs.py, where they divide evenly over any pool of 1 to 4.
jobs = [100_000] * 12

# region main
def sequentially(jobs):
    return [crunch(n) for n in jobs]
# endregion

best = min(timed(lambda: sequentially(jobs)) for _ in range(3))
print(f"sequential: {best * 1000:.0f} ms (best of 3)")
metric("elapsed", best * 1000, "ms")
