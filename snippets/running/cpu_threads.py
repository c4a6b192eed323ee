"""The same twelve jobs on four threads."""
import time
from concurrent.futures import ThreadPoolExecutor
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
def on_threads(jobs):
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(crunch, jobs))
# endregion

# Alternate with the sequential baseline, so a busy moment on a shared
# machine hits both; compare the best of each.
sequential, threaded = [], []
for _ in range(3):
    sequential.append(timed(lambda: [crunch(n) for n in jobs]))
    threaded.append(timed(lambda: on_threads(jobs)))
speedup = min(sequential) / min(threaded)
print(f"4 threads: {min(threaded) * 1000:.0f} ms, "
      f"sequential: {min(sequential) * 1000:.0f} ms (speed-up {speedup:.2f}x)")
metric("elapsed", min(threaded) * 1000, "ms")
metric("speedup", speedup, "x")
