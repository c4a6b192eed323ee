"""Coroutines switch only where they say so: at an await."""
import asyncio

# region main
async def worker(name):
    for step in range(3):
        print(f"{name} step {step}")
        await asyncio.sleep(0)          # the only place we can be paused

async def main():
    await asyncio.gather(worker("A"), worker("B"))

asyncio.run(main())
# endregion
