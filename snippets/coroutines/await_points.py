"""Coroutines switch only where they say so: at an await that really waits."""
import asyncio

# region main
async def hand_over():
    await asyncio.sleep(0)              # a bare yield: always suspends

async def cache_hit():
    return "cached"                     # returns without waiting

async def worker(name, wait):
    for step in range(3):
        print(f"{name}{step}", end=" ")
        await wait()                    # a possible switch point

async def main():
    await asyncio.gather(worker("A", hand_over), worker("B", hand_over))
    print()
    await asyncio.gather(worker("C", cache_hit), worker("D", cache_hit))
# endregion

asyncio.run(main())
print()
