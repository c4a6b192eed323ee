"""Exercise (section 4): predict, then run. How much faster is `job` on a thread per core?"""
import hashlib
import time
from concurrent.futures import ThreadPoolExecutor
from cores import physical_cores
from deckgen_trace import metric

PIECE = 2 << 20                                    # 2 MiB
pieces = [bytes([i + 1]) * PIECE for i in range(12)]
data = b"".join(pieces)                            # the whole input, 24 MiB
# A thread per core that deckgen's claims count (cores.py), up to four: the twelve
# pieces divide evenly over 1, 2, 3 or 4 threads.
workers = min(physical_cores(), 4)
one_thread = ThreadPoolExecutor(max_workers=1)
many_threads = ThreadPoolExecutor(max_workers=workers)

def best_time(run, times=5):
    """The shortest of a few runs of `run`, in seconds."""
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best

def sha256(buffer):
    return hashlib.sha256(buffer).digest()         # C: lets go of the GIL while it hashes

# region main
def job(pool):
    sha256(data)                                   # a checksum of the whole input first,
    list(pool.map(sha256, pieces))                 # then the twelve pieces, on the pool

def predict(workers):
    # TODO: job's speed-up on `workers` threads: your prediction, before you run it
    return workers
# endregion

prediction = predict(workers)
alone, split = [], []
for _ in range(3):                                 # alternate, keep the best of each
    alone.append(best_time(lambda: job(one_thread), times=1))
    split.append(best_time(lambda: job(many_threads), times=1))
measured = min(alone) / min(split)
print(f"{workers} threads on {physical_cores()} physical cores: "
      f"predicted {prediction:.2f}x, measured {measured:.2f}x")
metric("predicted", prediction, "x")
metric("measured", measured, "x")
metric("measured_over_predicted", measured / prediction, "")
