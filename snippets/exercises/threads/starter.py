"""Exercise (section 5): twenty slow requests, one after another. Overlap them."""
import time
from deckgen_trace import metric

def fetch(n):
    time.sleep(0.005)                    # the network
    return n * n

# region main
start = time.perf_counter()
results = [fetch(n) for n in range(20)]  # TODO: a ThreadPoolExecutor
elapsed = (time.perf_counter() - start) * 1000
print(f"sum {sum(results)} in {elapsed:.0f} ms")
# endregion
metric("elapsed", elapsed, "ms")
