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

def timed_with_cpu(run):
    """Wall time, and the CPU time all of this process's threads used meanwhile."""
    start, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - start, time.process_time() - cpu

# Twelve equal jobs, as in cpu_procs.py, where they divide evenly over any pool of 1 to 4.
jobs = [100_000] * 12

# region main
def on_threads(jobs):
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(crunch, jobs))
# endregion

# Alternate with the sequential baseline, so a busy moment on a shared
# machine hits both; compare the best of each.
sequential, threaded, busy = [], [], []
for _ in range(3):
    sequential.append(timed(lambda: [crunch(n) for n in jobs]))
    wall, cpu = timed_with_cpu(lambda: on_threads(jobs))
    threaded.append(wall)
    busy.append(cpu / wall)
# Why threads do not help: CPU time over wall time is how many cores the four threads
# kept busy at once. The GIL lets one run Python at a time, so it stays near 1 however
# many cores there are; without a GIL it would approach the cores. The most of the three
# runs: other work on the machine can only lower it (a thread that waits for a CPU
# uses none), never raise it.
cores_busy = max(busy)
speedup = min(sequential) / min(threaded)
print(f"4 threads: {min(threaded) * 1000:.0f} ms, "
      f"sequential: {min(sequential) * 1000:.0f} ms (speed-up {speedup:.2f}x); "
      f"the threads kept {cores_busy:.2f} cores busy")
metric("elapsed", min(threaded) * 1000, "ms")
metric("speedup", speedup, "x")
metric("cores_busy", cores_busy, "")
