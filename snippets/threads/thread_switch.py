"""Ping-pong between two threads: what one thread switch costs."""
import threading
import time
from deckgen_trace import metric

# region main
ping, pong = threading.Semaphore(0), threading.Semaphore(0)
rounds = 5_000

def player():
    for _ in range(rounds):
        ping.acquire()                 # wait for the ball ...
        pong.release()                 # ... and send it back

other = threading.Thread(target=player)
other.start()
start = time.perf_counter()
for _ in range(rounds):
    ping.release()
    pong.acquire()
elapsed = time.perf_counter() - start
other.join()
per_switch = elapsed / (2 * rounds)
print(f"{per_switch * 1e6:.1f} µs per switch between threads")
# endregion
metric("ns_per_switch", per_switch * 1e9, "ns")
