"""Fire and forget: a task nobody waits for is silently cancelled."""
import asyncio

saved = []

async def save(order):
    await asyncio.sleep(0.05)            # writing to the database ...
    saved.append(order)

# region main
async def main():
    for order in ("A", "B", "C"):
        asyncio.create_task(save(order))  # started, never awaited
    await asyncio.sleep(0.01)
    print("main: done")                   # returns: pending tasks are cancelled

asyncio.run(main())
print(f"saved {len(saved)} of 3 orders")
# endregion
