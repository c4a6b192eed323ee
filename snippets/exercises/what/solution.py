"""Solution (section 3): a sleeping task waits in a heap ordered by wake-up time; the
scheduler sleeps only when no task is ready, and only until the earliest wake-up."""
import heapq
import itertools
import time
from collections import deque
from deckgen_trace import metric

start, woke = time.perf_counter(), []

def task(name, naps):
    for _ in range(naps):
        yield 0.02                 # "wake me in 20 ms"
        woke.append(f"{name} {(time.perf_counter() - start) * 1000:.0f}")

# region main
def run(tasks):
    ready, sleeping, order = deque(tasks), [], itertools.count()
    while ready or sleeping:
        while sleeping and sleeping[0][0] <= time.monotonic():
            ready.append(heapq.heappop(sleeping)[2])       # its nap is over
        if not ready:                  # nothing to do until the earliest wake-up
            time.sleep(max(0, sleeping[0][0] - time.monotonic()))
            continue
        current = ready.popleft()
        try:
            wake_up = time.monotonic() + next(current)
            heapq.heappush(sleeping, (wake_up, next(order), current))
        except StopIteration:
            pass
# endregion

run([task("A", 2), task("B", 2), task("C", 2)])
elapsed = (time.perf_counter() - start) * 1000
print("woke at (ms):", ", ".join(woke))
print(f"all done after {elapsed:.0f} ms")
metric("elapsed", elapsed, "ms")
