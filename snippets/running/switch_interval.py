"""How late does a waking thread run while another thread computes?"""
import os
import statistics
import sys
import threading
import time
from deckgen_trace import metric

sys.setswitchinterval(float(os.environ.get("INTERVAL", sys.getswitchinterval())))

def busy(stop):
    while not stop.is_set():
        pass                           # holds the GIL as long as it may

# region main
stop = threading.Event()
threading.Thread(target=busy, args=(stop,)).start()
late = []
for _ in range(20):
    start = time.perf_counter()
    time.sleep(0.001)                  # the OS wakes us after 1 ms ...
    late.append(time.perf_counter() - start - 0.001)  # ... then we wait for the GIL
stop.set()
median_ms = statistics.median(late) * 1000
print(f"switch interval {sys.getswitchinterval() * 1000:g} ms: "
      f"woke {median_ms:.2f} ms late (median)")
# endregion
metric("late", median_ms, "ms")
