"""Four CPU-bound jobs, one after the other: the baseline."""
import time
from deckgen_trace import metric

def crunch(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total

# region main
jobs = [1_000_000] * 4
start = time.perf_counter()
results = [crunch(n) for n in jobs]
elapsed = time.perf_counter() - start
print(f"sequential: {elapsed * 1000:.0f} ms")
# endregion
metric("elapsed", elapsed * 1000, "ms")
