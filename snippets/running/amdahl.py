"""Amdahl's law measured: a job whose first third must run alone, the rest on threads."""
import hashlib
import time
from concurrent.futures import ThreadPoolExecutor
from cores import physical_cores
from deckgen_trace import metric

PIECE = 1 << 20                                   # hashing 1 MiB
serial_data = bytes(6 * PIECE)                    # a third of the job, which must run alone
parallel_data = [bytes([i + 1]) * PIECE for i in range(12)]  # two thirds, in 12 equal pieces
# The cores deckgen's claims count (cores.py), up to four: twelve pieces divide evenly
# over 1, 2, 3 or 4 threads, so no thread is left with an extra piece and the law holds.
workers = min(physical_cores(), 4)

def timed(run):
    start = time.perf_counter()
    run()
    return time.perf_counter() - start

# region main
def job(pool):
    hashlib.sha256(serial_data).digest()          # serial: one thread only
    list(pool.map(lambda d: hashlib.sha256(d).digest(), parallel_data))

def amdahl(serial_share, n):
    return 1 / (serial_share + (1 - serial_share) / n)
# endregion

with ThreadPoolExecutor(max_workers=1) as one, ThreadPoolExecutor(max_workers=workers) as many:
    alone, split, serial_part = [], [], []
    for _ in range(3):                            # alternate, keep the best of each
        serial_part.append(timed(lambda: hashlib.sha256(serial_data).digest()))
        alone.append(timed(lambda: job(one)))
        split.append(timed(lambda: job(many)))
share = min(serial_part) / min(alone)             # the serial share, measured
speedup = min(alone) / min(split)
predicted = amdahl(share, workers)
print(f"serial share {share:.0%}, {workers} workers")
print(f"Amdahl predicts {predicted:.2f}x, at most {1 / share:.1f}x with any number of cores")
print(f"measured        {speedup:.2f}x ({min(alone) * 1e3:.1f} ms -> {min(split) * 1e3:.1f} ms)")
metric("speedup", speedup, "x")
metric("predicted", predicted, "x")
metric("serial_pct", share * 100, "%")
metric("workers", workers, "")
