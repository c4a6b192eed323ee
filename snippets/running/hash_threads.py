"""hashlib lets go of the GIL on large buffers: threads hashing them run in parallel."""
import hashlib
import os
import time
from concurrent.futures import ThreadPoolExecutor
from deckgen_trace import metric

# Four 16 MiB buffers: about 30 ms of hashing each, so that starting threads and
# handing out work (well under a millisecond) cannot blur the speed-up. With 2 MiB
# buffers the whole run took 20 ms and its speed-up wandered from 1.4x to 1.8x.
buffers = [bytes([i]) * (16 << 20) for i in range(4)]

def timed(run):
    start = time.perf_counter()
    run()
    return time.perf_counter() - start

# region main
def digest(buffer):
    return hashlib.sha256(buffer).hexdigest()  # C, GIL released

with ThreadPoolExecutor(max_workers=4) as pool:
    one_thread = timed(lambda: [digest(b) for b in buffers])
    four_threads = timed(lambda: list(pool.map(digest, buffers)))
# endregion
    # Alternate the two a few times and keep the best of each (see cpu_threads.py).
    sequential, threaded = [one_thread], [four_threads]
    for _ in range(2):
        sequential.append(timed(lambda: [digest(b) for b in buffers]))
        threaded.append(timed(lambda: list(pool.map(digest, buffers))))
speedup = min(sequential) / min(threaded)
print(f"4 x sha256(16 MiB), one thread:   {min(sequential) * 1000:5.1f} ms")
print(f"4 x sha256(16 MiB), four threads: {min(threaded) * 1000:5.1f} ms")
usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
print(f"speed-up {speedup:.2f}x on {usable} cores")
metric("speedup", speedup, "x")
