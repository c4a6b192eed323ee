"""Four threads, one shared counter, `counter += 1`."""
import sys
import threading
from deckgen_trace import metric

sys.setswitchinterval(1e-6)              # switch as often as possible

# region main
counter = 0

def count(times):
    global counter
    for _ in range(times):
        counter += 1

threads = [threading.Thread(target=count, args=(50_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"expected 200000, got {counter}: lost {200_000 - counter}")
# endregion
metric("lost", 200_000 - counter, "")
