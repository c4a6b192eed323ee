"""Exercise (section 9): a fast producer, a slow consumer, a queue that only grows."""
import queue
import threading
import time
from deckgen_trace import metric

# region main
jobs = queue.Queue()                     # TODO: bound it, so the producer waits
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
