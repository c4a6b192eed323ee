"""Futures: results in the order they finish, and cancel(), which stops only what has not started."""
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

start = time.perf_counter()

def fetch(name, seconds):
    time.sleep(seconds)                  # the network
    return name

def wait_until(started, timeout=1):
    """Polls until the future runs on a worker (a thread starts in well under a second)."""
    deadline = time.monotonic() + timeout
    while not started() and time.monotonic() < deadline:
        time.sleep(0.001)

# region main
with ThreadPoolExecutor(max_workers=2) as pool:
    slow = pool.submit(fetch, "slow", 0.12)
    fast = pool.submit(fetch, "fast", 0.06)
    queued = pool.submit(fetch, "queued", 0.06)   # both workers busy: it waits
    print("cancel() a queued one:", queued.cancel())
    wait_until(slow.running)
    print("cancel() a running one:", slow.cancel())
    for future in as_completed([slow, fast], timeout=1):  # in the order they finish
        ms = (time.perf_counter() - start) * 1000
        print(f"{future.result()} finished after {ms:.0f} ms")
# endregion
