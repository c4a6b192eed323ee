"""Exercise (section 8): four threads deposit into one account and money goes missing."""
import sys
import threading
from deckgen_trace import metric

sys.setswitchinterval(1e-4)              # switch often, so the race shows quickly

# region main
balance = 0
start_together = threading.Barrier(4)   # all four start at once, so they overlap

def add(value, amount):
    return value + amount

def deposit(times):
    global balance
    start_together.wait()
    for _ in range(times):
        balance = add(balance, 1)   # TODO: one step

threads = [threading.Thread(target=deposit, args=(250_000,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(f"expected 1000000, got {balance}")
# endregion
metric("lost", 1_000_000 - balance, "")
