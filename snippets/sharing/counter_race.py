"""The same counter, with a function call between the read and the write."""
import sys
import threading
import time
from deckgen_trace import metric

sys.setswitchinterval(1e-4)              # switch every 0.1 ms, not every 5 ms

def increment(value):
    return value + 1

# region main
counter = 0

def count(times):
    global counter
    for _ in range(times):
        counter = increment(counter)   # read ... call (a switch may happen) ... write

threads = [threading.Thread(target=count, args=(50_000,)) for _ in range(4)]
start = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
lost = 200_000 - counter
print(f"expected 200000, got {counter}: lost {lost} ({lost / 200_000:.0%})")
# endregion
metric("lost_pct", 100 * lost / 200_000, "%")
metric("ns_per_increment", elapsed / 200_000 * 1e9, "ns")
