"""The same counter, with a lock around the read-modify-write."""
import sys
import threading
import time
from deckgen_trace import metric

sys.setswitchinterval(1e-4)              # as in counter_race.py: compare like with like

def increment(value):
    return value + 1

# region main
counter = 0
lock = threading.Lock()

def count(times):
    global counter
    for _ in range(times):
        with lock:                       # one thread at a time in here
            counter = increment(counter)
# endregion
# Four threads, started and timed as in counter_race.py (shown on the slide before).

threads = [threading.Thread(target=count, args=(25_000,)) for _ in range(4)]
start = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print(f"expected 100000, got {counter}: lost {100_000 - counter}")
metric("lost_pct", 100 * (100_000 - counter) / 100_000, "%")
metric("ns_per_increment", elapsed / 100_000 * 1e9, "ns")
