"""The four CPU-bound jobs as asyncio tasks."""
import asyncio
import time
from deckgen_trace import metric

def crunch(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total

def timed(run):
    start = time.perf_counter()
    run()
    return time.perf_counter() - start

jobs = [100_000] * 4

# region main
async def job(n):
    return crunch(n)                    # no await inside: nothing to overlap

async def as_tasks(jobs):
    return await asyncio.gather(*(job(n) for n in jobs))
# endregion

sequential, tasks = [], []              # alternate (see running/cpu_threads.py)
for _ in range(3):
    sequential.append(timed(lambda: [crunch(n) for n in jobs]))
    tasks.append(timed(lambda: asyncio.run(as_tasks(jobs))))
speedup = min(sequential) / min(tasks)
print(f"4 tasks: {min(tasks) * 1000:.0f} ms, "
      f"sequential: {min(sequential) * 1000:.0f} ms (speed-up {speedup:.2f}x)")
metric("elapsed", min(tasks) * 1000, "ms")
metric("speedup", speedup, "x")
