"""hashlib lets go of the GIL on large buffers: threads hashing them run in parallel."""
import hashlib
import time
from concurrent.futures import ThreadPoolExecutor
from cores import physical_cores
from deckgen_trace import metric

# Twelve 5 MiB buffers, 60 MiB in all, as much as the four 16 MiB buffers before them
# (with 8 MiB in all the run took 20 ms and its speed-up wandered from 1.4x to 1.8x):
# each takes milliseconds, so handing out work (microseconds) cannot blur the speed-up.
# Twelve divide evenly over 1, 2, 3 or 4 threads: no thread is left with an extra one.
buffers = [bytes([i]) * (5 << 20) for i in range(12)]
workers = min(physical_cores(), 4)       # the cores deckgen's claim counts (cores.py)

def timed(run):
    start = time.perf_counter()
    run()
    return time.perf_counter() - start

# region main
def digest(buffer):
    return hashlib.sha256(buffer).hexdigest()  # C, GIL released

with ThreadPoolExecutor(max_workers=workers) as pool:
    one_thread = timed(lambda: [digest(b) for b in buffers])
    all_threads = timed(lambda: list(pool.map(digest, buffers)))
# endregion
    # Alternate the two a few times and keep the best of each (see cpu_threads.py).
    sequential, threaded = [one_thread], [all_threads]
    for _ in range(2):
        sequential.append(timed(lambda: [digest(b) for b in buffers]))
        threaded.append(timed(lambda: list(pool.map(digest, buffers))))
speedup = min(sequential) / min(threaded)
print(f"12 x sha256(5 MiB), one thread:{'':4} {min(sequential) * 1000:5.1f} ms")
print(f"12 x sha256(5 MiB), {workers} threads:{'':3} {min(threaded) * 1000:5.1f} ms")
print(f"speed-up {speedup:.2f}x on {physical_cores()} physical cores")
metric("speedup", speedup, "x")
metric("workers", workers, "")
