"""A sampling profiler in a few lines: look where the program is, every millisecond of CPU."""
import collections
import random
import signal
from deckgen_trace import metric

def load_orders():
    random.seed(1)
    return [random.randrange(2000) for _ in range(4000)]

def unique_customers(orders):
    seen = []
    for customer in orders:
        if customer not in seen:           # a scan of the whole list, every time
            seen.append(customer)
    return seen

def report():
    return len(unique_customers(load_orders()))

# region main
samples = collections.Counter()

def sample(signum, frame):        # interrupts
    samples[frame.f_code.co_name] += 1   # where?

signal.signal(signal.SIGPROF, sample)
signal.setitimer(signal.ITIMER_PROF, 0.001, 0.001)
report()
signal.setitimer(signal.ITIMER_PROF, 0)  # stop

total = sum(samples.values())
for name, count in samples.most_common(3):
    print(f"{count / total:4.0%}  {name}")
# endregion
metric("top_pct", 100 * samples["unique_customers"] / total, "%")
metric("samples", total, "")
