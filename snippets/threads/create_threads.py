"""How fast can we start (and finish) threads?"""
import threading
import time
from deckgen_trace import metric

def job():
    pass

# region main
count = 500
start = time.perf_counter()
for _ in range(count):
    t = threading.Thread(target=job)
    t.start()
    t.join()
elapsed = time.perf_counter() - start
print(f"{count / elapsed:,.0f} threads per second "
      f"({elapsed / count * 1e6:.0f} µs each)")
# endregion
metric("us_each", elapsed / count * 1e6, "µs")
