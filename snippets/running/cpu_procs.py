"""The same four jobs in four processes: each has its own interpreter and GIL."""
import os
import time
from concurrent.futures import ProcessPoolExecutor
from deckgen_trace import metric

def crunch(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total

def usable_cores():
    """The cores this process may run on (taskset, cpusets), not the machine's total."""
    if hasattr(os, "sched_getaffinity"):     # Linux; elsewhere, the machine's count
        return len(os.sched_getaffinity(0))
    return os.cpu_count()

def timed(run):
    start = time.perf_counter()
    run()
    return time.perf_counter() - start

# region main
def in_processes(pool, jobs):
    return list(pool.map(crunch, jobs))   # arguments and results are pickled

if __name__ == "__main__":
    jobs = [300_000] * 4
    with ProcessPoolExecutor(max_workers=4) as pool:   # start once, reuse
# endregion
        # Start all four workers before timing (start-up is measured in section 9): one
        # task would start one, and the first timed map would pay for the other three.
        for started in [pool.submit(time.sleep, 0.05) for _ in range(4)]:
            started.result()
        # Alternate with the sequential baseline (see cpu_threads.py).
        sequential, parallel = [], []
        for _ in range(3):
            sequential.append(timed(lambda: [crunch(n) for n in jobs]))
            parallel.append(timed(lambda: in_processes(pool, jobs)))
    speedup = min(sequential) / min(parallel)
    print(f"4 processes on {usable_cores()} cores: {min(parallel) * 1000:.0f} ms, "
          f"sequential: {min(sequential) * 1000:.0f} ms (speed-up {speedup:.2f}x)")
    metric("elapsed", min(parallel) * 1000, "ms")
    metric("speedup", speedup, "x")
