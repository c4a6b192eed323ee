"""The same counter, with a function call between the read and the write."""
import sys
import threading
import time
from deckgen_trace import metric

sys.setswitchinterval(1e-4)              # switch every 0.1 ms, not every 5 ms

def increment(value):
    return value + 1

# Long enough for many GIL handoffs even on a loaded machine, where a waiting thread
# may take a millisecond or more to get a CPU and ask for the GIL: 50,000 each lost
# nothing in 1 run of 10 there; 250,000 each lost 30% or more in 90 of 90 runs, on
# two cores and on one.
THREADS, TIMES = 4, 250_000
done = [0] * THREADS                     # how many increments each thread made
start_together = threading.Barrier(THREADS + 1)   # the four workers and the timer

# region main
counter = 0

def count(me, times):
    global counter
    start_together.wait()              # all four start at once: they really overlap
    for n in range(times):
        counter = increment(counter)   # read ... call (a switch may happen) ... write
    done[me] = n + 1                   # this thread's own tally, not shared
# endregion

threads = [threading.Thread(target=count, args=(i, TIMES)) for i in range(THREADS)]
for t in threads:
    t.start()
start_together.wait()                    # time from the moment all four are released
start = time.perf_counter()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
expected = sum(done)
lost = expected - counter
print("each thread made " + ", ".join(f"{n:,}" for n in done) + " increments")
print(f"expected {expected:,}, got {counter:,}: lost {lost:,} ({lost / expected:.0%})")
metric("lost", lost, "")
metric("lost_pct", 100 * lost / expected, "%")
metric("ns_per_increment", elapsed / expected * 1e9, "ns")
