"""Exercise (section 8): four threads deposit into one account and money goes missing."""
import sys
import threading

sys.setswitchinterval(1e-4)              # switch often, so the race shows quickly

# region main
balance = 0

def add(value, amount):
    return value + amount

def deposit(times):
    global balance
    for _ in range(times):
        balance = add(balance, 1)   # TODO: one step

threads = [threading.Thread(target=deposit, args=(20_000,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(f"expected 80000, got {balance}")
# endregion
