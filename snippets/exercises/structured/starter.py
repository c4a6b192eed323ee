"""Exercise (section 7): give up on the whole batch after 30 ms, leaving nothing running."""
import asyncio
import time

async def fetch(name, seconds):
    try:
        await asyncio.sleep(seconds)
        return f"{name}: done"
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise

# region main
async def main():
    # TODO: a TaskGroup inside `async with asyncio.timeout(0.03)`;
    # catch the TimeoutError and print what finished.
    results = await asyncio.gather(
        fetch("fast", 0.01), fetch("medium", 0.02), fetch("slow", 0.2))
    print(results)

start = time.perf_counter()
asyncio.run(main())
print(f"returned after {(time.perf_counter() - start) * 1000:.0f} ms")
# endregion
