"""The same twelve jobs in processes, one per core: each has its own interpreter and GIL."""
import time
from concurrent.futures import ProcessPoolExecutor
from cores import physical_cores
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

# region main
def in_processes(pool, jobs):
    return list(pool.map(crunch, jobs))   # arguments and results are pickled

if __name__ == "__main__":
    jobs = [100_000] * 12                 # divide evenly over 1, 2, 3 or 4 workers
    workers = min(physical_cores(), 4)    # the cores deckgen's claim counts (cores.py)
    with ProcessPoolExecutor(max_workers=workers) as pool:   # start once, reuse
# endregion
        # Start every worker before timing (start-up is measured in section 9): one
        # task would start one, and the first timed map would pay for the others.
        for started in [pool.submit(time.sleep, 0.05) for _ in range(workers)]:
            started.result()
        # Alternate with the sequential baseline (see cpu_threads.py).
        sequential, parallel = [], []
        for _ in range(3):
            sequential.append(timed(lambda: [crunch(n) for n in jobs]))
            parallel.append(timed(lambda: in_processes(pool, jobs)))
    speedup = min(sequential) / min(parallel)
    print(f"{workers} processes on {physical_cores()} physical cores: {min(parallel) * 1000:.0f} ms, "
          f"sequential: {min(sequential) * 1000:.0f} ms (speed-up {speedup:.2f}x)")
    metric("elapsed", min(parallel) * 1000, "ms")
    metric("speedup", speedup, "x")
    metric("workers", workers, "")
