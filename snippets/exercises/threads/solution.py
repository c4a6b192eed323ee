"""Solution (section 5): a pool of threads overlaps the waits, no more than the server takes."""
from concurrent.futures import ThreadPoolExecutor
import threading
import time
from deckgen_trace import metric

LIMIT = 4                                # the server's limit: more at once is refused
_lock = threading.Lock()
in_flight = most = 0

def fetch(n):
    """One request of 5 ms to a server that refuses a fifth request at once."""
    global in_flight, most
    with _lock:
        if in_flight == LIMIT:
            raise RuntimeError(f"request {n}: 429 Too Many Requests ({LIMIT} already in flight)")
        in_flight += 1
        most = max(most, in_flight)
    try:
        time.sleep(0.005)                # the network
        return n * n
    finally:
        with _lock:
            in_flight -= 1

# region main
start = time.perf_counter()
with ThreadPoolExecutor(max_workers=LIMIT) as pool:   # a fifth worker would be refused
    results = list(pool.map(fetch, range(20)))
elapsed = (time.perf_counter() - start) * 1000
print(f"sum {sum(results)} in {elapsed:.0f} ms, at most {most} at once")
# endregion
metric("elapsed", elapsed, "ms")
metric("most_at_once", most, "")
