"""The same counter, with a lock around the read-modify-write."""
import sys
import threading
import time
from deckgen_trace import metric

sys.setswitchinterval(1e-4)              # as in counter_race.py: compare like with like

def increment(value):
    return value + 1

THREADS, TIMES = 4, 25_000
start_together = threading.Barrier(THREADS + 1)   # as in counter_race.py

counter = 0

# region main
lock = threading.Lock()
def count(times):
    global counter
    start_together.wait()
    for _ in range(times):
        with lock:                       # one thread at a time in here
            counter = increment(counter)
# endregion
# Four threads, started and timed as in counter_race.py (whose output the slide shows first).

threads = [threading.Thread(target=count, args=(TIMES,)) for _ in range(THREADS)]
for t in threads:
    t.start()
start_together.wait()
start = time.perf_counter()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
expected, got = THREADS * TIMES, counter
contended_ns = elapsed / expected * 1e9

# The lock's own price, with nobody else wanting it: one thread, the same loop with and
# without `with lock:`, alternated, best of three each, in this thread's CPU time (a
# busy machine that takes the CPU away mid-loop does not count).
def alone(locked, times=100_000):
    global counter
    begin = time.thread_time()
    if locked:
        for _ in range(times):
            with lock:
                counter = increment(counter)
    else:
        for _ in range(times):
            counter = increment(counter)
    return (time.thread_time() - begin) / times * 1e9

plain, locked = [], []
for _ in range(3):
    plain.append(alone(False))
    locked.append(alone(True))
uncontended_ns = min(locked) - min(plain)
print(f"4 threads, switch interval 0.1 ms: expected {expected}, got {got}: lost {expected - got};"
      f" {contended_ns:.0f} ns per increment")
print(f"1 thread alone: `with lock:` adds {uncontended_ns:.0f} ns per increment")
metric("lost_pct", 100 * (expected - got) / expected, "%")
metric("ns_per_increment", contended_ns, "ns")
metric("uncontended_ns", uncontended_ns, "ns")
