"""Solution (section 3): busy much of the wall time means CPU-bound (a quarter: other
programs may share the core)."""
import time
from deckgen_trace import metric

def crunch():
    return sum(i * i % 7 for i in range(100_000))

def download():
    time.sleep(0.02)

# region main
def classify(job):
    wall, cpu = time.perf_counter(), time.process_time()
    job()
    wall = time.perf_counter() - wall
    cpu = time.process_time() - cpu
    return "CPU-bound" if cpu / wall > 0.25 else "I/O-bound"

answers = {job.__name__: classify(job) for job in (crunch, download)}
for name, answer in answers.items():
    print(f"{name}: {answer}")
# endregion
right = (answers["crunch"] == "CPU-bound") + (answers["download"] == "I/O-bound")
metric("right", right, "")
