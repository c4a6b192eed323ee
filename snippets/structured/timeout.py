"""A timeout cancels everything below it: cancellation flows down."""
import asyncio
import time
from deckgen_trace import metric

async def step(name, seconds):
    try:
        await asyncio.sleep(seconds)
        print(f"{name}: finished")
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise

start = time.perf_counter()

# region main
async def fetch_all():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(step("fast", 0.01))
        tg.create_task(step("slow", 1))
        tg.create_task(step("slower", 2))

async def main():
    try:
        async with asyncio.timeout(0.1):
            await fetch_all()
    except TimeoutError:
        print("main: timed out, and nothing is left running")

asyncio.run(main())
# endregion
metric("elapsed", (time.perf_counter() - start) * 1000, "ms")
