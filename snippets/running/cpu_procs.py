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

# region main
if __name__ == "__main__":
    jobs = [1_000_000] * 4
    with ProcessPoolExecutor(max_workers=4) as pool:
        pool.submit(os.getpid).result()   # start-up: measured in section 9
        start = time.perf_counter()
        results = list(pool.map(crunch, jobs))
        elapsed = time.perf_counter() - start
    print(f"4 processes on {os.cpu_count()} cores: {elapsed * 1000:.0f} ms")
# endregion
    metric("elapsed", elapsed * 1000, "ms")
