"""Exercise (section 3): the fifteen-line scheduler, now with tasks that sleep. Three tasks
nap twice each for 20 ms; make the naps overlap, on one thread."""
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
    ready = deque(tasks)
    while ready:
        current = ready.popleft()
        try:
            nap = next(current)
            time.sleep(nap)        # TODO: the others could run meanwhile
            ready.append(current)
        except StopIteration:
            pass

run([task("A", 2), task("B", 2), task("C", 2)])
# endregion
elapsed = (time.perf_counter() - start) * 1000
print("woke at (ms):", ", ".join(woke))
print(f"all done after {elapsed:.0f} ms")
metric("elapsed", elapsed, "ms")
