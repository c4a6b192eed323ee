"""Solution (section 9): a bounded queue pushes back: the producer waits for room."""
import queue
import threading
import time
from deckgen_trace import metric

# region main
jobs = queue.Queue(maxsize=2)            # full: put() waits
peak = 0

def consume():
    while (job := jobs.get()) is not None:
        time.sleep(0.003)                # slow work on each job

worker = threading.Thread(target=consume)
worker.start()
for n in range(10):                      # a fast producer
    jobs.put(n)
    peak = max(peak, jobs.qsize())
jobs.put(None)
worker.join()
print(f"most jobs waiting in the queue: {peak}")
# endregion
metric("peak", peak, "")
