"""The same job written two ways; WAY=list or WAY=dict picks one."""
import os
import random
import time
from deckgen_trace import metric

random.seed(1)
orders = [random.randrange(3000) for _ in range(6000)]

# region main
def unique_with_list(orders):
    seen = []
    for customer in orders:
        if customer not in seen:        # O(n) scan
            seen.append(customer)
    return seen

def unique_with_dict(orders):
    return list(dict.fromkeys(orders))  # O(1) lookups, keeps order
# endregion

way = {"list": unique_with_list, "dict": unique_with_dict}[os.environ.get("WAY", "list")]
start = time.perf_counter()
for _ in range(2):
    customers = way(orders)
elapsed = (time.perf_counter() - start) / 2
print(f"{way.__name__}: {len(customers)} customers in {elapsed * 1000:.2f} ms")
metric("elapsed", elapsed * 1000, "ms")
