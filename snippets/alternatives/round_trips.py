"""The I/O side of performance: fewer round trips (batching) and no repeated ones (caching)."""
import functools
import time
from deckgen_trace import metric

ROUND_TRIP = 0.001                         # 1 ms to the database and back
trips = 0

def query(ids):                            # one round trip, however many ids
    global trips
    trips += 1
    time.sleep(ROUND_TRIP)
    return {i: f"customer {i}" for i in ids}

def timed(run):
    global trips
    trips = 0
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000, trips

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
for name, (ms, made) in results.items():
    print(f"{name:10}  {ms:5.1f} ms, {made:2} round trip{'' if made == 1 else 's'}")
metric("batch_speedup", results["one by one"][0] / results["batched"][0], "x")
metric("cache_speedup", results["one by one"][0] / results["cached"][0], "x")
