"""The four CPU-bound jobs as asyncio tasks."""
import asyncio
import time
from deckgen_trace import metric

def crunch(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total

# region main
async def job(n):
    return crunch(n)                    # no await inside: nothing to overlap

async def main():
    start = time.perf_counter()
    await asyncio.gather(*(job(n) for n in [1_000_000] * 4))
    return time.perf_counter() - start

elapsed = asyncio.run(main())
print(f"4 tasks: {elapsed * 1000:.0f} ms")
# endregion
metric("elapsed", elapsed * 1000, "ms")
