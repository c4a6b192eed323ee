"""The twelve CPU-bound jobs as asyncio tasks."""
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

jobs = [100_000] * 12                   # the same work as running/cpu_seq.py: one chart shows both

order = []                              # (task, "start"/"end"), in the order they happened

# region main
async def job(i, n):
    order.append((i, "start"))
    total = crunch(n)                   # no await inside: nothing to overlap
    order.append((i, "end"))
    return total

async def as_tasks(jobs):
    return await asyncio.gather(*(job(i, n) for i, n in enumerate(jobs)))
# endregion

sequential, tasks = [], []              # alternate (see running/cpu_threads.py)
for _ in range(3):
    sequential.append(timed(lambda: [crunch(n) for n in jobs]))
    tasks.append(timed(lambda: asyncio.run(as_tasks(jobs))))
speedup = min(sequential) / min(tasks)
last_run = order[-2 * len(jobs):]
one_after_another = all(last_run[2 * k] == (k, "start") and last_run[2 * k + 1] == (k, "end")
                        for k in range(len(jobs)))
print(f"each task ran to its end before the next started: {one_after_another}")
print(f"{len(jobs)} CPU-bound tasks: {min(tasks) * 1000:.0f} ms, "
      f"sequential: {min(sequential) * 1000:.0f} ms (speed-up {speedup:.2f}x)")
metric("elapsed", min(tasks) * 1000, "ms")
metric("speedup", speedup, "x")
