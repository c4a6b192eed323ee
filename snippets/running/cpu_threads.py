"""The same four jobs on four threads."""
import time
from concurrent.futures import ThreadPoolExecutor
from deckgen_trace import metric

def crunch(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total

# region main
jobs = [1_000_000] * 4
start = time.perf_counter()
with ThreadPoolExecutor(max_workers=4) as pool:
    results = list(pool.map(crunch, jobs))
elapsed = time.perf_counter() - start
print(f"4 threads: {elapsed * 1000:.0f} ms")
# endregion
metric("elapsed", elapsed * 1000, "ms")
