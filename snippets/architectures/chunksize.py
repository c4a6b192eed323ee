"""ProcessPoolExecutor.map sends one item per round trip unless told otherwise: chunksize."""
import time
from concurrent.futures import ProcessPoolExecutor
from cores import physical_cores
from deckgen_trace import metric

ITEMS = 1000
workers = min(physical_cores(), 4)

def square(n):
    return n * n

def timed(pool, chunksize):
    """The best of two maps of ITEMS squares, in ms (and their sum, the same every time)."""
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        total = sum(pool.map(square, range(ITEMS), chunksize=chunksize))
        best = min(best, (time.perf_counter() - start) * 1000)
    assert total == sum(n * n for n in range(ITEMS))
    return best

# region main
with ProcessPoolExecutor(max_workers=workers) as pool:
    list(pool.map(square, range(workers)))          # start the workers: not timed
    one_ms = timed(pool, chunksize=1)               # the default: a round trip per item
    chunk = ITEMS // (4 * workers)                  # four chunks per worker
    chunk_ms = timed(pool, chunksize=chunk)
# endregion
print(f"{ITEMS:,} squares on {workers} process{'es' if workers > 1 else ''}: chunksize=1 {one_ms:.0f} ms, "
      f"chunksize={chunk} {chunk_ms:.1f} ms: {one_ms / chunk_ms:.0f}× faster")
metric("one_ms", one_ms, "ms")
metric("chunk_ms", chunk_ms, "ms")
metric("speedup", one_ms / chunk_ms, "x")
