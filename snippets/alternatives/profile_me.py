"""Let the profiler say where the time goes before changing anything."""
import cProfile
import pstats
import random

def load_orders():
    random.seed(1)
    return [random.randrange(2000) for _ in range(4000)]

def unique_customers(orders):
    seen = []
    for customer in orders:
        if customer not in seen:       # a scan of the whole list, every time
            seen.append(customer)
    return seen

def report():
    orders = load_orders()
    customers = unique_customers(orders)
    return len(customers)

# region main
profiler = cProfile.Profile()
profiler.runcall(report)
stats = pstats.Stats(profiler)
stats.sort_stats("tottime").print_stats(3)
# endregion
