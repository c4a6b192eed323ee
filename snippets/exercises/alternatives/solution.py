"""Solution (section 2): one pass builds an index by id, so each order's look-up is a hash
look-up, not a scan of every customer."""
import random
import time
from collections import defaultdict, namedtuple
from deckgen_trace import metric

Customer = namedtuple("Customer", "id name city")
CITIES = ["Lyon", "Oslo", "Porto", "Riga", "Turin"]

def load():
    random.seed(2)
    customers = [Customer(n, f"customer {n}", random.choice(CITIES)) for n in range(500)]
    random.shuffle(customers)
    orders = [(random.randrange(500), random.randrange(1, 500)) for _ in range(1500)]
    return customers, orders

# region main
def totals_by_city(customers, orders):
    by_id = {customer.id: customer for customer in customers}   # one pass
    totals = defaultdict(int)
    for customer_id, amount in orders:
        totals[by_id[customer_id].city] += amount   # a hash look-up, O(1)
    return totals
# endregion

def report(customers, orders):
    totals = totals_by_city(customers, orders)
    return [f"{city:6} {total:8d}" for city, total in sorted(totals.items())]

customers, orders = load()
start = time.perf_counter()
lines = report(customers, orders)
elapsed = (time.perf_counter() - start) * 1000
print(f"{len(orders)} orders, {len(lines)} cities: the report took {elapsed:.2f} ms")
metric("elapsed", elapsed, "ms")
