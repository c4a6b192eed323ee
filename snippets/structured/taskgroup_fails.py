"""TaskGroup: one task fails, its siblings are cancelled, errors flow up."""
import asyncio
import time
from deckgen_trace import metric

start = time.perf_counter()

# region main
async def work(name, seconds):
    try:
        await asyncio.sleep(seconds)
        if name == "B":
            raise ValueError("B failed")
        print(f"{name}: finished")
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for name, seconds in [("A", 0.1), ("B", 0.02), ("C", 0.1)]:
                tg.create_task(work(name, seconds), name=name)
    except* ValueError as group:
        print("main caught:", group.exceptions)
# endregion

asyncio.run(main())
metric("elapsed", (time.perf_counter() - start) * 1000, "ms")
