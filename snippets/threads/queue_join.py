"""queue.Queue counts unfinished jobs: task_done() marks one handled, join() waits for all."""
import faulthandler
import queue
import threading
import time
from deckgen_trace import metric

faulthandler.dump_traceback_later(5, exit=True)   # a missed task_done() must not hang the build
start = time.perf_counter()
handled = []

# region main
jobs = queue.Queue()

def worker():
    while True:                          # no way to tell it to stop (before 3.13)
        n = jobs.get()                   # waits for the next job
        time.sleep(0.005)                # the work
        handled.append(n)
        jobs.task_done()                 # one job fully handled

for _ in range(3):
    threading.Thread(target=worker, daemon=True).start()
for n in range(12):
    jobs.put(n)
jobs.join()                              # until every put() has its task_done()
# endregion
elapsed = (time.perf_counter() - start) * 1000
waiting = threading.active_count() - 1
print(f"join() returned after {elapsed:.0f} ms: {len(handled)} of 12 handled; "
      f"{waiting} workers still wait in get()")
metric("elapsed", elapsed, "ms")
