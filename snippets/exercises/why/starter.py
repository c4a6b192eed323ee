"""Exercise (section 1): a nightly report, timed stage by stage. Which stages could
concurrency speed up, and by how much at most? Predict first, then measure."""
import time
from collections import defaultdict

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
took = defaultdict(float)

def timed(stage, *args):
    start = time.perf_counter()
    result = stage(*args)
    took[stage.__name__] += time.perf_counter() - start
    return result

for day in range(10):
    timed(summarise, timed(convert, timed(download, day)))

print("stage      wall ms  CPU ms")   # TODO: fill in the CPU column
for stage, seconds in took.items():
    print(f"{stage:10} {seconds * 1000:7.0f}       ?")
# endregion
