"""How fast can we start (and finish) asyncio tasks?"""
import asyncio
import time
from deckgen_trace import metric

async def job():
    pass

# region main
async def main():
    count = 5_000
    start = time.perf_counter()
    for _ in range(count):
        await asyncio.create_task(job())
    elapsed = time.perf_counter() - start
    print(f"{count / elapsed:,.0f} tasks per second "
          f"({elapsed / count * 1e6:.1f} µs each)")
    return elapsed / count * 1e6

us_each = asyncio.run(main())
# endregion
metric("us_each", us_each, "µs")
