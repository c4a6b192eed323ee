"""Which operations other threads can cut in half: four threads, a barrier, a short switch interval."""
import sys
import threading
from deckgen_trace import metric

sys.setswitchinterval(1e-4)              # switch often, as in counter_race.py

def increment(value):
    return value + 1

THREADS, TIMES = 4, 100_000
start_together = threading.Barrier(THREADS)

# region main
items, table, counter = [], {}, 0

def work(me):
    global counter
    start_together.wait()
    for n in range(TIMES):
        items.append(n)                  # one call into C
        table[me, n] = n                 # one call into C
        counter = increment(counter)     # read ... call ... write
# endregion

threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
expected = THREADS * TIMES
print(f"of {expected:,} each: list.append kept {len(items):,}, d[k] = v kept {len(table):,}, "
      f"the counter kept {counter:,}")
metric("lost_append", expected - len(items), "")
metric("lost_setitem", expected - len(table), "")
metric("lost_increment", expected - counter, "")
