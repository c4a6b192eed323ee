"""A timeout cancels everything below it: cancellation flows down."""
import asyncio

async def step(name, seconds):
    try:
        await asyncio.sleep(seconds)
        print(f"{name}: finished")
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise

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
        print("main: gave up after 0.1 s, nothing left running")

asyncio.run(main())
# endregion
