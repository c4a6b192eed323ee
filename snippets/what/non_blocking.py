"""Blocking vs non-blocking: the same recv, asked two ways, on an empty socket."""
import socket
import time
from deckgen_trace import metric

mine, theirs = socket.socketpair()      # nothing will ever be sent on it

def timed(call):
    start = time.perf_counter()
    try:
        call()
    except (BlockingIOError, TimeoutError) as error:
        outcome = type(error).__name__
    return outcome, time.perf_counter() - start

# region main
mine.setblocking(False)    # answer at once
outcome, took = timed(lambda: mine.recv(100))
print(f"non-blocking recv: {outcome} after {took * 1e6:.0f} µs")
metric("nonblocking_us", took * 1e6, "us")

mine.settimeout(0.02)      # wait, up to 20 ms
outcome, took = timed(lambda: mine.recv(100))
print(f"blocking recv:     {outcome} after {took * 1e3:.1f} ms")
metric("blocking_ms", took * 1e3, "ms")
# endregion
