"""Giving a million numbers to worker processes: copy them, or share them?"""
import os
import time
from array import array
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.shared_memory import SharedMemory
from deckgen_trace import metric

N, WORKERS = 1_000_000, 2
numbers = [float(i % 1000) for i in range(N)]
chunks = [(i * N // WORKERS, (i + 1) * N // WORKERS) for i in range(WORKERS)]

def sum_shared(name, lo, hi):
    shm = SharedMemory(name=name)
    view = shm.buf.cast("d")
    total = sum(view[lo:hi])
    view.release()
    shm.close()
    return total

# region main
def sequential():
    return sum(numbers)

def copy_to_workers(pool):           # every number is pickled, sent, unpickled
    return sum(pool.map(sum, [numbers[lo:hi] for lo, hi in chunks]))

def share_with_workers(pool, shm):   # workers read the same memory
    return sum(pool.map(sum_shared, [shm.name] * WORKERS, *zip(*chunks)))
# endregion

if __name__ == "__main__":
    mode = os.environ.get("MODE", "sequential")
    shm = SharedMemory(create=True, size=8 * N)
    shm.buf.cast("d")[:] = array("d", numbers)
    with ProcessPoolExecutor(WORKERS) as pool:
        pool.submit(os.getpid).result()          # start-up is not the point here
        start = time.perf_counter()
        if mode == "sequential":
            total = sequential()
        elif mode == "copy":
            total = copy_to_workers(pool)
        else:
            total = share_with_workers(pool, shm)
        elapsed = time.perf_counter() - start
    shm.unlink()
    print(f"{mode}: sum {total:.0f} in {elapsed * 1000:.0f} ms")
    metric("elapsed", elapsed * 1000, "ms")
