"""Solution (section 7): the timeout is a cancel scope around the task group."""
import asyncio
import time
from deckgen_trace import metric

async def fetch(name, seconds):
    try:
        await asyncio.sleep(seconds)
        return f"{name}: done"
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise

def still_running():
    """The other tasks of this loop that have not finished (asyncio's own debugging aid)."""
    return sorted(t.get_name() for t in asyncio.all_tasks() if t is not asyncio.current_task())

# region main
async def main():
    tasks = []
    try:
        async with asyncio.timeout(0.03):
            async with asyncio.TaskGroup() as tg:
                for name, s in [("fast", 0.01), ("medium", 0.02), ("slow", 0.2)]:
                    tasks.append(tg.create_task(fetch(name, s), name=name))
    except TimeoutError:
        print("gave up;", [t.result() for t in tasks if not t.cancelled()])
    print("still running:", still_running())

start = time.perf_counter()
asyncio.run(main())
elapsed = (time.perf_counter() - start) * 1000
print(f"returned after {elapsed:.0f} ms")
# endregion
metric("elapsed", elapsed, "ms")
