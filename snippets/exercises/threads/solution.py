"""Solution (section 5): a pool of threads overlaps the waits."""
import time
from concurrent.futures import ThreadPoolExecutor
from deckgen_trace import metric

def fetch(n):
    time.sleep(0.005)                    # the network
    return n * n

# region main
start = time.perf_counter()
with ThreadPoolExecutor(max_workers=20) as pool:
    results = list(pool.map(fetch, range(20)))
elapsed = (time.perf_counter() - start) * 1000
print(f"sum {sum(results)} in {elapsed:.0f} ms")
# endregion
metric("elapsed", elapsed, "ms")
