"""A Semaphore limits how many downloads run at once; the rest wait their turn."""
import asyncio
import time
from deckgen_trace import metric

start = time.perf_counter()
in_flight = peak = waited = 0

async def download(n):
    await asyncio.sleep(0.01)             # stands in for the network

# region main
async def fetch(n, limit):
    global in_flight, peak, waited
    if limit.locked():
        waited += 1          # backpressure
    async with limit:        # 3 at a time
        in_flight += 1
        peak = max(peak, in_flight)
        await download(n)
        in_flight -= 1

async def main():
    limit = asyncio.Semaphore(3)
    async with asyncio.TaskGroup() as tg:
        for n in range(12):
            tg.create_task(fetch(n, limit))

asyncio.run(main())
# endregion
elapsed = (time.perf_counter() - start) * 1000
print(f"12 downloads, at most {peak} at once, {waited} waited for a slot: {elapsed:.0f} ms")
metric("peak", peak, "")
metric("waited", waited, "")
metric("elapsed", elapsed, "ms")
