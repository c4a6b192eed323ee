"""Exercise (section 5): twenty slow requests, one after another. Overlap them."""
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
results = [fetch(n) for n in range(20)]  # TODO: overlap them; the server takes at most 4 at once
elapsed = (time.perf_counter() - start) * 1000
print(f"sum {sum(results)} in {elapsed:.0f} ms, at most {most} at once")
# endregion
metric("elapsed", elapsed, "ms")
metric("most_at_once", most, "")
