"""Cancel scopes and shielding: a timeout cancels the block, except what is shielded."""
import asyncio
import time

start = time.perf_counter()

def at():
    return f"{(time.perf_counter() - start) * 1000:3.0f} ms"

# region main
async def save(order):
    await asyncio.sleep(0.03)  # keep whole
    print(at(), "saved", order)

async def handle(order):
    saving = asyncio.create_task(save(order))
    try:
        async with asyncio.timeout(0.01):
            await asyncio.shield(saving)
    except TimeoutError:
        print(at(), "timed out; saving goes on")
    await saving               # wait anyway

asyncio.run(handle("#42"))
# endregion
