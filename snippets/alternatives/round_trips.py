"""The I/O side of performance: fewer round trips (batching) and no repeated ones (caching)."""
import functools
import time
from deckgen_trace import metric

ROUND_TRIP = 0.001                         # 1 ms to the database and back

def query(ids):                            # one round trip, however many ids
    time.sleep(ROUND_TRIP)
    return {i: f"customer {i}" for i in ids}

def timed(run):
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000

orders = [n % 5 for n in range(30)]        # 30 orders from 5 customers

# region main
def one_by_one():
    return [query([c])[c] for c in orders]    # 30 round trips

def batched():
    found = query(set(orders))                # 1 round trip
    return [found[c] for c in orders]

@functools.lru_cache(maxsize=None)
def customer(c):
    return query([c])[c]

def cached():
    return [customer(c) for c in orders]      # 5 round trips
# endregion

results = {name: timed(way) for name, way in
           [("one by one", one_by_one), ("batched", batched), ("cached", cached)]}
for name, ms in results.items():
    print(f"{name:10}  {ms:5.1f} ms")
metric("batch_speedup", results["one by one"] / results["batched"], "x")
metric("cache_speedup", results["one by one"] / results["cached"], "x")
