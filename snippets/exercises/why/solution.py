"""Solution (section 1): time each stage twice, by the wall clock and by the CPU the
process used; the difference is waiting, which only overlapping can save."""
import time
from collections import defaultdict
from deckgen_trace import metric

RATES = {"EUR": 1.0, "USD": 0.9, "GBP": 1.2}
CURRENCIES = list(RATES) * 2000

def rate_for(currency):            # the finance team's rates service
    time.sleep(0.003)
    return RATES[currency]

def download(day):                 # one day's orders: (currency, amount) pairs
    time.sleep(0.005)
    return [(currency, (day + n) % 97) for n, currency in enumerate(CURRENCIES)]

def convert(orders):               # every amount in euros
    rates = {currency: rate_for(currency) for currency in RATES}
    return [amount * rates[currency] for currency, amount in orders]

def summarise(amounts):            # median and median absolute deviation
    ranked = sorted(amounts)
    median = ranked[len(ranked) // 2]
    spread = sorted(abs(amount - median) for amount in ranked)
    return median, spread[len(spread) // 2]

# region main
wall, cpu = defaultdict(float), defaultdict(float)

def timed(stage, *args):
    start, start_cpu = time.perf_counter(), time.process_time()
    result = stage(*args)
    wall[stage.__name__] += time.perf_counter() - start
    cpu[stage.__name__] += time.process_time() - start_cpu
    return result

for day in range(10):
    timed(summarise, timed(convert, timed(download, day)))

print("stage      wall ms  CPU ms  busy")
for stage in wall:
    print(f"{stage:10} {wall[stage] * 1000:7.0f} {cpu[stage] * 1000:7.0f} "
          f"{cpu[stage] / wall[stage]:5.0%}")
all_wall, all_cpu = sum(wall.values()), sum(cpu.values())
print(f"every wait overlapped: at most {all_wall / all_cpu:.1f}x faster; "
      f"an infinitely fast CPU: {all_wall / (all_wall - all_cpu):.1f}x")
# endregion
for stage in wall:
    metric(f"{stage}_busy", 100 * cpu[stage] / wall[stage], "%")
metric("overlap_bound", all_wall / all_cpu, "x")
