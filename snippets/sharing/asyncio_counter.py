"""In asyncio, code between two awaits runs without interruption."""
import asyncio

# region main
counter = 0

async def safe(times):
    global counter
    for _ in range(times):
        counter += 1                     # no await: nobody can interleave
        await asyncio.sleep(0)

async def unsafe(times):
    global counter
    for _ in range(times):
        value = counter
        await asyncio.sleep(0)           # a suspension point between read and write
        counter = value + 1

for worker in (safe, unsafe):
    counter = 0
    async def main():
        await asyncio.gather(*(worker(1000) for _ in range(4)))
    asyncio.run(main())
    print(f"{worker.__name__:6}: expected 4000, got {counter}")
# endregion
