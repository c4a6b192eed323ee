"""Amdahl's law measured: a job whose first third must run alone, the rest on threads."""
import hashlib
import os
import time
from concurrent.futures import ThreadPoolExecutor
from deckgen_trace import metric

CHUNK = 2 << 20                                   # hashing 2 MiB: one unit of work
serial_data = bytes(2 * CHUNK)                    # 2 units that must run alone
parallel_data = [bytes([i + 1]) * CHUNK for i in range(4)]   # 4 units that split
# The cores this process may use (affinity on Linux; elsewhere, all of them), up to four.
usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
workers = min(usable, 4)

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
