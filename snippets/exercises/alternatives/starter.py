"""Exercise (section 2): sales by city. Profile the report, find its hot spot, make it fast."""
import cProfile
import pstats
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

def find_customer(customers, customer_id):
    for customer in customers:
        if customer.id == customer_id:
            return customer
    raise KeyError(customer_id)

def totals_by_city(customers, orders):
    totals = defaultdict(int)
    for customer_id, amount in orders:
        totals[find_customer(customers, customer_id).city] += amount
    return totals

def report(customers, orders):
    totals = totals_by_city(customers, orders)
    return [f"{city:6} {total:8d}" for city, total in sorted(totals.items())]

# region main
customers, orders = load()
profiler = cProfile.Profile()
profiler.runcall(report, customers, orders)
stats = pstats.Stats(profiler).strip_dirs().sort_stats("tottime")
stats.print_stats(3)                 # the three functions that took the most time
# endregion
hot = sum(tt for (_, _, name), (_, _, tt, _, _) in stats.stats.items() if name == "find_customer")
metric("hot_share", 100 * hot / stats.total_tt, "%")
start = time.perf_counter()          # the report on its own, without the profiler
report(customers, orders)
metric("elapsed", (time.perf_counter() - start) * 1000, "ms")
