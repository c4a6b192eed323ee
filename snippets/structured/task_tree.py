"""A tree of task groups: a failure deep down cancels the whole tree, then reaches the top."""
import asyncio
import time
from deckgen_trace import metric

start = time.perf_counter()

async def step(name, seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
        if fail:
            raise ValueError(f"{name} failed")
    except asyncio.CancelledError:
        print(f"  {name}: cancelled")
        raise

# region main
async def orders():        # a subtree
    async with asyncio.TaskGroup() as tg:
        tg.create_task(step("order 1", 0.1))
        tg.create_task(step("order 2", 0.01, fail=True))

async def page():          # looks plain
    async with asyncio.TaskGroup() as tg:
        tg.create_task(step("profile", 0.1))
        tg.create_task(orders())
        tg.create_task(step("adverts", 0.1))

try:
    asyncio.run(page())
except* ValueError as group:
    inner = group.exceptions[0]  # orders'
    print("page failed:", inner.exceptions[0])
# endregion
elapsed = (time.perf_counter() - start) * 1000
print(f"the whole tree ended after {elapsed:.0f} ms")
metric("elapsed", elapsed, "ms")
