"""Solution (section 8): a lock makes read-add-write one step for other threads."""
import sys
import threading
from deckgen_trace import metric

sys.setswitchinterval(1e-4)              # switch often, so the race would show

# region main
balance = 0
start_together = threading.Barrier(4)
lock = threading.Lock()

def add(value, amount):
    return value + amount

def deposit(times):
    global balance
    start_together.wait()
    for _ in range(times):
        with lock:
            balance = add(balance, 1)

threads = [threading.Thread(target=deposit, args=(250_000,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(f"expected 1000000, got {balance}")
# endregion
metric("lost", 1_000_000 - balance, "")
